import { devLogtoConnectorConfig } from '@smsdesk/tencent-sms-emulator';
import { launchBrowser } from '@smsdesk/test-support/chromium';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { signInThroughSpa } from './sign-in.ts';

const { templates: devTemplates, ...devAccountFields } = devLogtoConnectorConfig();

/** The emulator's dev account in Logto's connector fields (its templates 100001–100004 are approved, one {1}). */
export const devAccount = devAccountFields;

/** The emulator's approved template for each usage type a connector must map. */
export const requiredTemplates: Record<string, string> = Object.fromEntries(
  devTemplates.map((t) => [t.usageType, t.templateCode]),
);

/** Fills the open connector form with the dev account, mainland numbers and every required mapping. */
export async function fillConnectorForm(page: Page, name: string) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Access key ID', { exact: true }).fill(devAccount.accessKeyId);
  await page.getByLabel('Access key secret', { exact: true }).fill(devAccount.accessKeySecret);
  await page.getByLabel('Sign name', { exact: true }).fill(devAccount.signName);
  await page.getByLabel('Region', { exact: true }).fill(devAccount.region);
  await page.getByLabel('SDK app ID', { exact: true }).fill(devAccount.sdkAppId);
  await page.getByLabel('Mainland China', { exact: true }).check();
  for (const [usageType, code] of Object.entries(requiredTemplates)) {
    await page.getByLabel(`Template code for ${usageType}`, { exact: true }).fill(code);
  }
}

/** Creates a connector through the SPA's form and returns its page's path, where the browser now is. */
export async function createConnector(page: Page, appUrl: string, name: string) {
  await page.goto(`${appUrl}/connectors/new`);
  await page.getByRole('heading', { name: 'New connector' }).waitFor();
  await fillConnectorForm(page, name);
  await page.getByRole('button', { name: 'Create connector' }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  return new URL(page.url()).pathname.replace(/\/$/, '');
}

/**
 * For a describe block: Chromium signed in as admin, on a connector created through the form. Read
 * `ctx.page` and `ctx.connectorPath` inside the tests (set once `beforeAll` has run).
 */
export function useSignedInConnector(appUrl: string, name: string): { page: Page; connectorPath: string } {
  const ctx = {} as { page: Page; connectorPath: string };
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    ctx.page = await browser.context.newPage();
    await signInThroughSpa(ctx.page, appUrl, 'admin', 'smsdesk-admin');
    ctx.connectorPath = await createConnector(ctx.page, appUrl, name);
  });
  afterAll(() => browser?.close());
  return ctx;
}
