import { describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '@smsdesk/test-support/chromium';
import { useSignedInConnector } from './support/connectors.ts';
import { signInThroughSpa } from './support/sign-in.ts';

const phone = '+8613800138001';
const readOnlyHint = 'Read-only: your role can view but not change this.';

interface EmulatorMessage {
  e164: string;
  params: string[];
  serialNo: string;
  sentAt: string;
}

async function inbox(emulatorUrl: string, number: string): Promise<EmulatorMessage[]> {
  const res = await fetch(`${emulatorUrl}/__emulator/messages?phone=${encodeURIComponent(number)}`);
  return ((await res.json()) as { messages: EmulatorMessage[] }).messages;
}

describe('the Test sends tab in Chromium', () => {
  const appUrl = inject('appUrl');
  const emulatorUrl = inject('emulatorUrl');
  const name = `e2e test-sends ${Date.now().toString(36)}`;
  const ctx = useSignedInConnector(appUrl, name);

  it('sends a SignIn code to a +86 number, verifies the code the phone got and sees it delivered', async () => {
    const before = (await inbox(emulatorUrl, phone)).length;
    await ctx.page.goto(`${appUrl}${ctx.connectorPath}`);
    await ctx.page.getByRole('link', { name: 'Test sends', exact: true }).click();
    // Each usage type says what the check found, though the Health tab was never opened.
    const usageType = ctx.page.getByLabel('Usage type', { exact: true });
    await usageType.locator('option[value="SignIn"]', { hasText: '✓ ready' }).waitFor({ state: 'attached' });
    await expect(usageType.locator('option[value="BindMfa"]').textContent()).resolves.toMatch(/BindMfa — /);
    await ctx.page.getByLabel('Phone number', { exact: true }).fill(phone);
    await ctx.page.getByLabel('Usage type', { exact: true }).selectOption('SignIn');
    await ctx.page.getByLabel('smsdesk — E.164 and just the code').check();
    await ctx.page.getByRole('button', { name: 'Send test code', exact: true }).click();

    const result = ctx.page.getByTestId('test-send-result');
    await result.waitFor({ timeout: 20_000 });
    await expect(result.getByTestId('send-status').textContent()).resolves.toBe('sent');

    let messages = await inbox(emulatorUrl, phone);
    for (let i = 0; i < 20 && messages.length <= before; i++) {
      await new Promise((r) => setTimeout(r, 250));
      messages = await inbox(emulatorUrl, phone);
    }
    const code = messages[0]?.params[0];
    expect(code).toMatch(/^\d{6}$/);
    const serialNo = messages[0]?.serialNo ?? '';
    await expect(result.textContent()).resolves.toContain(serialNo);

    await result.getByLabel('Enter the code you received').fill(code ?? '');
    await result.getByRole('button', { name: 'Verify', exact: true }).click();
    await result.getByTestId('verified').waitFor({ timeout: 10_000 });
    await expect(result.getByTestId('verified').textContent()).resolves.toBe('Verified');

    // The delivery report is polled every 2 s while pending.
    await result
      .locator('[data-testid="delivery-status"][data-status="delivered"]')
      .waitFor({ timeout: 30_000 });
    await expect(result.getByTestId('delivery-status').textContent()).resolves.toBe('delivered');

    const history = ctx.page.getByRole('table', { name: 'Test sends' });
    await history.getByRole('row').filter({ hasText: 'delivered' }).first().waitFor({ timeout: 10_000 });
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('SignIn');
    expect(text).not.toContain('13800138001');
  });

  it('explains a wrong code with the attempts left', async () => {
    await ctx.page.goto(`${appUrl}${ctx.connectorPath}/test-sends`);
    await ctx.page.getByLabel('Phone number', { exact: true }).fill(phone);
    const before = (await inbox(emulatorUrl, phone)).length;
    await ctx.page.getByRole('button', { name: 'Send test code', exact: true }).click();
    const result = ctx.page.getByTestId('test-send-result');
    await result.waitFor({ timeout: 20_000 });
    let messages = await inbox(emulatorUrl, phone);
    for (let i = 0; i < 20 && messages.length <= before; i++) {
      await new Promise((r) => setTimeout(r, 250));
      messages = await inbox(emulatorUrl, phone);
    }
    const code = messages[0]?.params[0] ?? '000000';
    const wrong = code === '000000' ? '111111' : '000000';
    await result.getByLabel('Enter the code you received').fill(wrong);
    await result.getByRole('button', { name: 'Verify', exact: true }).click();
    await result.getByTestId('verify-mismatch').waitFor({ timeout: 10_000 });
    await expect(result.getByTestId('verify-mismatch').textContent()).resolves.toMatch(/attempts? left/);
    await expect(result.getByTestId('verified').count()).resolves.toBe(0);
  });

  it('shows a viewer the tabs with the send and change controls disabled', async () => {
    const viewer = await launchBrowser();
    try {
      const vpage = await viewer.context.newPage();
      await signInThroughSpa(vpage, appUrl, 'viewer', 'smsdesk-viewer');
      await vpage.goto(`${appUrl}${ctx.connectorPath}/test-sends`);
      await vpage.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      await vpage.getByText(readOnlyHint).first().waitFor();
      await expect(
        vpage.getByRole('button', { name: 'Send test code', exact: true }).isDisabled(),
      ).resolves.toBe(true);
      // The history as far as this connector has one (the other tests may not have sent yet).
      await vpage
        .getByRole('table', { name: 'Test sends' })
        .or(vpage.getByText('No test sends yet.'))
        .waitFor({ timeout: 10_000 });

      await vpage.getByRole('link', { name: 'Templates', exact: true }).click();
      await vpage.getByRole('table', { name: 'Templates' }).waitFor({ timeout: 20_000 });
      await expect(
        vpage.getByRole('button', { name: 'New template', exact: true }).isDisabled(),
      ).resolves.toBe(true);

      await vpage.getByRole('link', { name: 'Health', exact: true }).click();
      await vpage.getByTestId('check-status').waitFor({ timeout: 20_000 });
      const create = vpage
        .getByTestId('health-MfaVerification')
        .getByRole('button', { name: 'Create template' });
      await expect(create.isDisabled()).resolves.toBe(true);
    } finally {
      await viewer.close();
    }
  });
});
