import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '@smsdesk/test-support/chromium';
import { signInThroughSpa } from './support/sign-in.ts';

// Each test has a browser of its own: a session left by one would change what the next one sees.
describe('sign-in with Logto (PKCE) in Chromium', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  const appUrl = inject('appUrl');

  beforeEach(async () => {
    ({ context, close } = await launchBrowser());
  });
  afterEach(() => close());

  it('signs in as admin, shows the user, signs out', async () => {
    const page = await context.newPage();
    await signInThroughSpa(page, appUrl, 'admin', 'smsdesk-admin');
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toBe('admin');
    expect(new URL(page.url()).pathname).toBe('/connectors');
    await page.getByRole('link', { name: 'Access' }).click();
    await page.getByTestId('scope-write:connectors').waitFor();
    await expect(page.getByTestId('scope-write:connectors').textContent()).resolves.toBe('yes');
    await expect(page.getByText('Read-only').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${appUrl}/`, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expect(page.getByTestId('signed-in-user').count()).resolves.toBe(0);
  });

  it('refuses a wrong password at the login form', async () => {
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong username or password').waitFor();
    expect(page.url()).not.toContain('/callback');
  });

  it('signs in as viewer and shows the read-only state', async () => {
    const page = await context.newPage();
    await signInThroughSpa(page, appUrl, 'viewer', 'smsdesk-viewer');
    await page.getByText('Read-only', { exact: true }).waitFor();
    await page.goto(`${appUrl}/account`);
    await page.getByTestId('scope-write:connectors').waitFor();
    await expect(page.getByTestId('scope-write:connectors').textContent()).resolves.toBe('no');
    await expect(page.getByTestId('scope-read:connectors').textContent()).resolves.toBe('yes');
  });
});
