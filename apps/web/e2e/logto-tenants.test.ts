import { describe, expect, inject, it } from 'vitest';
import { devUsers } from '@smsdesk/dev-logto';
import { useSignedInConnector } from './support/connectors.ts';

const phone = '+8613800138077';

async function inbox(emulatorUrl: string, number: string): Promise<{ params: string[] }[]> {
  const res = await fetch(`${emulatorUrl}/__emulator/messages?phone=${encodeURIComponent(number)}`);
  return ((await res.json()) as { messages: { params: string[] }[] }).messages;
}

describe('a Logto tenant in Chromium: add it, push the profile, send a live code through it', () => {
  const appUrl = inject('appUrl');
  const emulatorUrl = inject('emulatorUrl');
  const name = `e2e logto ${Date.now().toString(36)}`;
  const logtoEndpoint = inject('logtoEndpoint');
  const ctx = useSignedInConnector(appUrl, name);

  // One flow in one test: each step needs the one before it (the tenant, then the pushed profile).
  it('adds the dev tenant after a connection test, pushes the profile, sends a live code through it', async () => {
    const { page } = ctx;
    await page.goto(`${appUrl}/connectors`);
    await page.getByRole('link', { name: 'Logto tenants', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Logto tenants' }).waitFor();
    await page.getByRole('button', { name: 'Add tenant' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Dev tenant');
    await dialog.getByLabel('Endpoint', { exact: true }).fill(logtoEndpoint);
    await dialog.getByLabel('M2M app ID', { exact: true }).fill('smsdesk-mgmt');
    // A wrong secret is refused by Logto, and the dialog says so.
    await dialog.getByLabel('M2M app secret', { exact: true }).fill('wrong-secret');
    await dialog.getByRole('button', { name: 'Save and test the connection' }).click();
    await dialog.getByText('LOGTO_AUTH_FAILED').waitFor({ timeout: 20_000 });
    await dialog.getByLabel('M2M app secret', { exact: true }).fill('smsdesk-mgmt-secret');
    await dialog.getByRole('button', { name: 'Save and test the connection' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    const table = page.getByRole('table', { name: 'Logto tenants' });
    await table.getByRole('row').filter({ hasText: 'Dev tenant' }).waitFor();
    await expect(table.textContent()).resolves.toContain('https://default.logto.app/api');
    await expect(page.content()).resolves.not.toContain('smsdesk-mgmt-secret');

    // The drift, then the push after a confirmation, then "in sync".
    await page.goto(`${appUrl}${ctx.connectorPath}/logto`);
    await page
      .getByText('This tenant has no SMS connector yet: the first push creates it.')
      .waitFor({ timeout: 20_000 });
    const drift = page.getByRole('table', { name: 'This profile and Logto' });
    await drift.waitFor();
    await expect(drift.textContent()).resolves.toContain('only in smsdesk');
    await page.getByRole('button', { name: 'Push to Logto' }).click();
    const confirm = page.getByRole('dialog');
    await confirm
      .getByText('The tenant has no Tencent connector: Logto creates one with this profile.')
      .waitFor();
    await confirm.getByRole('button', { name: 'Push', exact: true }).click();
    await page.getByText(/Pushed: Logto created connector/).waitFor({ timeout: 20_000 });
    await page.getByText('In sync: Logto runs exactly this profile.').waitFor({ timeout: 20_000 });

    // A live code through the tenant's connector, read in the emulator inbox and verified.
    const before = (await inbox(emulatorUrl, phone)).length;
    await page.getByLabel('A live code from Logto', { exact: false }).check();
    await page.getByLabel('Phone number', { exact: true }).fill(phone);
    await page.getByRole('button', { name: 'Send through Logto' }).click();
    await page.getByText('Logto sent it to').waitFor({ timeout: 20_000 });
    await page.getByText('The live connector matched this profile when the code was sent.').waitFor();

    let messages = await inbox(emulatorUrl, phone);
    for (let i = 0; i < 20 && messages.length <= before; i++) {
      await new Promise((r) => setTimeout(r, 250));
      messages = await inbox(emulatorUrl, phone);
    }
    // Logto generated this code and sent it with its own connector: only [code], as Generic.
    const code = messages[0]?.params[0] ?? '';
    expect(messages[0]?.params).toHaveLength(1);
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('Code from the phone').fill(code);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByText('Verified: the code reached the phone.').waitFor({ timeout: 20_000 });

    // The end user's own flow: sign out, then sign in to smsdesk with the admin's phone number and the
    // SignIn code that the pushed connector (the real Tencent package in dev-logto) sent to the emulator.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${appUrl}/`, { timeout: 20_000 });
    const adminPhone = `+${devUsers.admin.phone}`;
    // smsdesk's console passes its language as ui_locales, as a real app does: Logto's Tencent connector then
    // sends [code, "en"], which the {1} SignIn template refuses. The rehearsal shows the trap as production would.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Phone number').fill('+86 139 0013 9000');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page
      .getByText('FailedOperation.TemplateParamSetNotMatchApprovedTemplate')
      .waitFor({ timeout: 20_000 });
    await page.goto(appUrl);

    // An app that follows the check's advice sends no ui_locales: then the code goes out and signs the admin in.
    await page.route(
      (url) => url.origin === new URL(logtoEndpoint).origin && url.pathname === '/oidc/auth',
      (route) => {
        const url = new URL(route.request().url());
        url.searchParams.delete('ui_locales');
        return route.continue({ url: url.href });
      },
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    const beforeSignIn = (await inbox(emulatorUrl, adminPhone)).length;
    await page.getByLabel('Phone number').fill('+86 139 0013 9000');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByRole('heading', { name: 'Enter the verification code' }).waitFor({ timeout: 20_000 });
    const signInMessages = await inbox(emulatorUrl, adminPhone);
    expect(signInMessages.length).toBe(beforeSignIn + 1);
    expect(signInMessages[0]?.params).toHaveLength(1);
    await page.getByLabel('Verification code').fill(signInMessages[0]?.params[0] ?? '');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-user').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('admin');
    // Four steps that were four tests before, hence their time.
  }, 240_000);
});
