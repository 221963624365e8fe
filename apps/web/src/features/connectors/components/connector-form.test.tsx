import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import type { ConnectorFormValues } from '../utils/connector-form.ts';
import { ConnectorForm } from './connector-form.tsx';
import { parseLogtoJson, placeImportErrors } from './import-dialog.tsx';

afterEach(cleanup);

// A data router: the form's unsaved-changes guard (useBlocker) needs one.
const inRouter = (element: ReactNode) =>
  render(<RouterProvider router={createMemoryRouter([{ path: '/', element }])} />);

function renderForm(onSubmit: (values: ConnectorFormValues) => Promise<void>) {
  inRouter(<ConnectorForm cancelTo="/connectors" onSubmit={onSubmit} />);
}

function fillValid() {
  fireEvent.change(input('Name'), { target: { value: 'Prod' } });
  fireEvent.change(input('Access key ID'), { target: { value: 'AKID123' } });
  fireEvent.change(input('Sign name'), { target: { value: 'smsdesk' } });
  fireEvent.change(input('Region'), { target: { value: 'ap-guangzhou' } });
  fireEvent.change(input('SDK app ID'), { target: { value: '1400000001' } });
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('ConnectorForm', () => {
  it('labels every input and lists all nine usage types, the four required ones marked', () => {
    renderForm(async () => {});
    for (const label of ['Name', 'Access key ID', 'Access key secret', 'Sign name', 'Region', 'SDK app ID']) {
      expect(input(label)).toBeTruthy();
    }
    expect(screen.getAllByLabelText(/^Template code for /)).toHaveLength(9);
    expect(screen.getAllByText('required by Logto')).toHaveLength(4);
    expect(input('Access key secret').type).toBe('password');
  });

  it('checks with the shared schema before sending: a sentence per rule, focus on the first invalid field', async () => {
    const onSubmit = vi.fn(async (_: ConnectorFormValues) => {});
    renderForm(onSubmit);
    fillValid();
    fireEvent.change(input('Access key ID'), { target: { value: 'AK-ID' } });
    fireEvent.change(input('Template code for MfaVerification'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create connector' }));

    await waitFor(() => expect(document.activeElement).toBe(input('Access key ID')));
    const id = input('Access key ID');
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(id.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent,
    ).toBe('Only letters and digits, as in the SecretId of your Tencent Cloud API key.');
    expect(screen.getByText('Only digits: the template ID from the Tencent console.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows every server field error next to its field as a sentence, templates on their usage-type row', async () => {
    const onSubmit = vi.fn(async (_: ConnectorFormValues) => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Invalid request', {
        fields: [
          { field: 'body.signName', rule: 'maxLength', message: 'must NOT have more than 12 characters' },
          {
            field: 'body.templates.1.templateCode',
            rule: 'pattern',
            message: 'must match pattern "^[0-9]+$"',
          },
        ],
      });
    });
    renderForm(onSubmit);
    fillValid();
    fireEvent.change(input('Template code for SignIn'), { target: { value: '100001' } });
    fireEvent.change(input('Template code for MfaVerification'), { target: { value: '100009' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create connector' }));

    await screen.findByText('Only digits: the template ID from the Tencent console.');
    expect(onSubmit.mock.calls[0]?.[0].templates.MfaVerification).toBe('100009');
    const mfa = input('Template code for MfaVerification');
    expect(mfa.getAttribute('aria-invalid')).toBe('true');
    expect(input('Template code for SignIn').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('A sign is 2 to 12 characters.')).toBeTruthy();
    expect(document.body.textContent).not.toContain('must match pattern');
    await waitFor(() => expect(document.activeElement).toBe(input('Sign name')));
  });

  it('explains a version conflict and reloads on request', async () => {
    const onReload = vi.fn(async () => {});
    inRouter(
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
      />,
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

describe('the unsaved-changes guard', () => {
  // The form at /new, its Cancel link to /connectors: leaving through the router is what the guard blocks.
  function renderRoutes() {
    const router = createMemoryRouter(
      [
        { path: '/new', element: <ConnectorForm cancelTo="/connectors" onSubmit={async () => {}} /> },
        { path: '/connectors', element: <p>the list</p> },
      ],
      { initialEntries: ['/new'] },
    );
    render(<RouterProvider router={router} />);
    return router;
  }
  const cancel = () => fireEvent.click(screen.getByRole('link', { name: 'Cancel' }));

  it('asks before leaving a form with edits, and stays when the user says no', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    try {
      const router = renderRoutes();
      fireEvent.change(input('Name'), { target: { value: 'Half typed' } });
      await waitFor(() => expect(input('Name').value).toBe('Half typed'));
      cancel();
      await waitFor(() =>
        expect(confirm).toHaveBeenCalledWith('You have unsaved changes. Leave this page and discard them?'),
      );
      expect(router.state.location.pathname).toBe('/new');
      expect(input('Name').value).toBe('Half typed');

      confirm.mockReturnValue(true);
      cancel();
      await screen.findByText('the list');
      expect(router.state.location.pathname).toBe('/connectors');
    } finally {
      confirm.mockRestore();
    }
  });

  it('lets an untouched form go without asking, and warns on tab close only with edits', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    try {
      const router = renderRoutes();
      const unload = () => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(unload()).toBe(false);
      fireEvent.change(input('Name'), { target: { value: 'Edited' } });
      await waitFor(() => expect(unload()).toBe(true));
      fireEvent.change(input('Name'), { target: { value: '' } });
      await waitFor(() => expect(unload()).toBe(false));
      cancel();
      await screen.findByText('the list');
      expect(router.state.location.pathname).toBe('/connectors');
      expect(confirm).not.toHaveBeenCalled();
    } finally {
      confirm.mockRestore();
    }
  });
});

describe('import', () => {
  it('reports a JSON syntax error and accepts an object', () => {
    expect(parseLogtoJson('{"a": ')).toMatchObject({
      error: expect.stringContaining('This is not valid JSON'),
    });
    expect(parseLogtoJson('[]')).toHaveProperty('error');
    expect(parseLogtoJson('{"signName": "x"}')).toEqual({ config: { signName: 'x' } });
  });

  it('puts config.* errors at the pasted JSON', () => {
    expect(
      placeImportErrors({ name: 'already taken', 'config.templates.0.templateCode': 'must be digits' }),
    ).toEqual({ name: 'already taken', config: ['templates.0.templateCode: must be digits'], other: [] });
  });
});
