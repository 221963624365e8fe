import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import type { ConnectorFormValues } from '../utils/connector-form.ts';
import { ConnectorForm } from './connector-form.tsx';
import { parseLogtoJson, placeImportErrors } from './import-dialog.tsx';

afterEach(cleanup);

const validation = (fields: { field: string; message: string }[]) =>
  new ApiError(400, 'VALIDATION_FAILED', 'Invalid request', {
    fields: fields.map((f) => ({ ...f, rule: 'pattern' })),
  });

function renderForm(onSubmit: (values: ConnectorFormValues) => Promise<void>) {
  render(
    <MemoryRouter>
      <ConnectorForm cancelTo="/connectors" onSubmit={onSubmit} />
    </MemoryRouter>,
  );
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('ConnectorForm', () => {
  it('labels every input and lists all nine usage types, the four required ones marked', () => {
    renderForm(async () => {});
    for (const label of ['Name', 'Access key ID', 'Access key secret', 'Sign name', 'Region', 'SDK app id']) {
      expect(input(label)).toBeTruthy();
    }
    expect(screen.getAllByLabelText(/^Template code for /)).toHaveLength(9);
    expect(screen.getAllByText('required by Logto')).toHaveLength(4);
    expect(input('Access key secret').type).toBe('password');
  });

  it('shows every server field error next to its field, templates on their usage-type row', async () => {
    const onSubmit = vi.fn(async (_: ConnectorFormValues) => {
      throw validation([
        { field: 'body.signName', message: 'must NOT have more than 12 characters' },
        { field: 'body.templates.1.templateCode', message: 'must be digits' },
      ]);
    });
    renderForm(onSubmit);
    fireEvent.change(input('Sign name'), { target: { value: 'a very long sign name' } });
    fireEvent.change(input('Template code for SignIn'), { target: { value: '100001' } });
    fireEvent.change(input('Template code for MfaVerification'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create connector' }));

    await screen.findByText('must be digits');
    expect(onSubmit.mock.calls[0]?.[0].templates.MfaVerification).toBe('abc');
    const mfa = input('Template code for MfaVerification');
    expect(mfa.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(mfa.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'must be digits',
    );
    expect(input('Template code for SignIn').getAttribute('aria-invalid')).toBeNull();
    const sign = input('Sign name');
    expect(document.getElementById(sign.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'must NOT have more than 12 characters',
    );
  });

  it('explains a version conflict and reloads on request', async () => {
    const onReload = vi.fn(async () => {});
    render(
      <MemoryRouter>
        <ConnectorForm
          cancelTo="/"
          connector={{
            id: 'c1',
            name: 'Prod',
            accessKeyId: 'AKID',
            hasAccessKeySecret: true,
            signName: 'smsdesk',
            region: 'ap-guangzhou',
            sdkAppId: '1400000001',
            international: false,
            templates: [],
            createdAt: '2025-01-01T00:00:00Z',
            updatedAt: '2025-01-01T00:00:00Z',
            version: 1,
          }}
          onSubmit={async () => {
            throw new ApiError(412, 'VERSION_CONFLICT', 'Stale', { currentVersion: 2, etag: 'W/"2"' });
          }}
          onReload={onReload}
        />
      </MemoryRouter>,
    );
    expect(screen.getByText('A secret is set')).toBeTruthy();
    expect(screen.queryByLabelText('Access key secret')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Replace' }));
    expect(input('Access key secret').value).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Someone else changed this connector');
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(onReload).toHaveBeenCalledTimes(1));
  });
});

describe('import', () => {
  it('reports a JSON syntax error and accepts an object', () => {
    expect(parseLogtoJson('{"a": ')).toMatchObject({ error: expect.stringContaining('Not valid JSON') });
    expect(parseLogtoJson('[]')).toHaveProperty('error');
    expect(parseLogtoJson('{"signName": "x"}')).toEqual({ config: { signName: 'x' } });
  });

  it('puts config.* errors at the pasted JSON', () => {
    expect(
      placeImportErrors({ name: 'already taken', 'config.templates.0.templateCode': 'must be digits' }),
    ).toEqual({ name: 'already taken', config: ['templates.0.templateCode: must be digits'], other: [] });
  });
});
