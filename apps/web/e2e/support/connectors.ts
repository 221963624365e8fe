import type { Page } from 'playwright-core';

/** The dev emulator's account (packages/tencent-sms-emulator); its templates 100001–100004 are approved, one {1}. */
export const devAccount = {
  accessKeyId: 'AKIDSMSDESKDEV00000000000000000000',
  accessKeySecret: 'smsdeskdevsecretkey00000000000000',
  signName: 'smsdesk',
  region: 'ap-guangzhou',
  sdkAppId: '1400000001',
};

/** The emulator's approved template for each usage type a connector must map. */
export const requiredTemplates = {
  SignIn: '100001',
  Register: '100002',
  ForgotPassword: '100003',
  Generic: '100004',
};

/** Fills the open connector form with the dev account, mainland numbers and every required mapping. */
export async function fillConnectorForm(page: Page, name: string) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Access key ID', { exact: true }).fill(devAccount.accessKeyId);
  await page.getByLabel('Access key secret', { exact: true }).fill(devAccount.accessKeySecret);
  await page.getByLabel('Sign name', { exact: true }).fill(devAccount.signName);
  await page.getByLabel('Region', { exact: true }).fill(devAccount.region);
  await page.getByLabel('SDK app id', { exact: true }).fill(devAccount.sdkAppId);
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
