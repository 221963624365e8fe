import type { CreateTestSend } from '@smsdesk/shared/schemas/test-sends';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import { buildTestSendBody, e164Of } from '../utils/test-send-form.ts';
import { TestSendForm } from './test-send-form.tsx';

afterEach(cleanup);

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

function renderForm(onSubmit: (body: CreateTestSend) => Promise<void>, international = false) {
  render(
    <TestSendForm
      international={international}
      canSend
      usageTypeNotes={{ SignIn: '✓ ready', MfaVerification: 'not mapped' }}
      onSubmit={onSubmit}
    />,
  );
}

describe('TestSendForm', () => {
  it('sends a national number with its country, in smsdesk mode by default', async () => {
    const onSubmit = vi.fn(async (_: CreateTestSend) => {});
    renderForm(onSubmit);
    expect((field('Country') as unknown as HTMLSelectElement).value).toBe('CN');
    expect(screen.getByRole('option', { name: 'SignIn — ✓ ready' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'MfaVerification — not mapped' })).toBeTruthy();
    expect(screen.getByLabelText('Mode').getAttribute('role')).toBe('radiogroup');
    fireEvent.change(field('Phone number'), { target: { value: '138 0013 8001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send test code' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      phoneNumber: '13800138001',
      country: 'CN',
      usageType: 'SignIn',
      mode: 'smsdesk',
    });
  });

  it('sends E.164 alone, and ui_locales only in Logto-exact mode', async () => {
    const onSubmit = vi.fn(async (_: CreateTestSend) => {});
    renderForm(onSubmit, true);
    expect((field('Country') as unknown as HTMLSelectElement).value).toBe('US');
    expect(field('ui_locales (optional)').disabled).toBe(true);
    fireEvent.change(field('Phone number'), { target: { value: '+44 7700 900123' } });
    fireEvent.change(field('Usage type'), { target: { value: 'MfaVerification' } });
    fireEvent.click(screen.getByLabelText(/^Logto-exact/));
    fireEvent.change(field('ui_locales (optional)'), { target: { value: 'zh-CN' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send test code' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      phoneNumber: '+447700900123',
      usageType: 'MfaVerification',
      mode: 'logto',
      uiLocales: 'zh-CN',
    });
  });

  it('shows the server field errors at their fields and a rate limit with its wait', async () => {
    const onSubmit = vi
      .fn<(body: CreateTestSend) => Promise<void>>()
      .mockRejectedValueOnce(
        new ApiError(400, 'VALIDATION_FAILED', 'Invalid', {
          fields: [
            { field: 'body.phoneNumber', rule: 'invalidNumber', message: 'is not a valid number in CN' },
          ],
        }),
      )
      .mockRejectedValueOnce(
        new ApiError(429, 'RATE_LIMITED', 'Too many', undefined, new Headers({ 'retry-after': '30' })),
      );
    renderForm(onSubmit);
    fireEvent.change(field('Phone number'), { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send test code' }));
    await screen.findByText('This is not a valid number in the chosen country: check the digits.');
    expect(field('Phone number').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Send test code' }));
    // One notice, in minutes and clock time, never "30 s".
    const notice = await screen.findByText(/Try again in 1 minute, at /);
    expect(notice.closest('[role="alert"]')?.textContent).not.toMatch(/\d+ s\b/);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('refuses an empty number without calling the API, and is disabled without send:sms', () => {
    const onSubmit = vi.fn(async () => {});
    renderForm(onSubmit);
    fireEvent.click(screen.getByRole('button', { name: 'Send test code' }));
    expect(screen.getByText('Enter the number to send the code to')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    cleanup();
    render(<TestSendForm international={false} canSend={false} onSubmit={onSubmit} />);
    expect((screen.getByRole('button', { name: 'Send test code' }) as HTMLButtonElement).disabled).toBe(true);
    expect(field('Phone number').closest('fieldset')?.disabled).toBe(true);
  });
});

describe('test send helpers', () => {
  it('builds the body and the E.164 number', () => {
    const body = buildTestSendBody({
      phoneNumber: ' 020 7946 0018 ',
      country: 'GB',
      usageType: 'Register',
      mode: 'smsdesk',
      uiLocales: 'en',
    });
    expect(body).toEqual({
      phoneNumber: '02079460018',
      country: 'GB',
      usageType: 'Register',
      mode: 'smsdesk',
    });
    expect(e164Of(body)).toBe('+442079460018');
    expect(e164Of({ phoneNumber: '+8613800138001' })).toBe('+8613800138001');
    expect(e164Of({ phoneNumber: '13800138001', country: 'CN' })).toBe('+8613800138001');
    expect(e164Of({ phoneNumber: '8613800138001', country: 'CN' })).toBe('+8613800138001');
  });
});
