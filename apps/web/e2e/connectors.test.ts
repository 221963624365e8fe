import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '@smsdesk/test-support/chromium';
import { createConnector, devAccount, fillConnectorForm, requiredTemplates } from './support/connectors.ts';
import { signInThroughSpa } from './support/sign-in.ts';

const templates = Object.entries(requiredTemplates).map(([usageType, templateCode]) => ({
  usageType,
  templateCode,
}));
const readOnlyHint = 'Read-only: your role can view but not change this.';

type Mapping = { usageType: string; templateCode: string };
const byUsageType = (list: Mapping[]) => [...list].sort((a, b) => a.usageType.localeCompare(b.usageType));

async function openConnector(page: Page, appUrl: string, name: string) {
  await page.goto(`${appUrl}/connectors`);
  await page.getByRole('table', { name: 'Connectors' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

// Each test makes the connectors it changes, so they pass in any order (the config shuffles them).
describe('connector profiles in Chromium', () => {
  const appUrl = inject('appUrl');
  const run = Date.now().toString(36);
  let admin: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    admin = await launchBrowser();
    page = await admin.context.newPage();
    await signInThroughSpa(page, appUrl, 'admin', 'smsdesk-admin');
  });
  afterAll(() => admin.close());

  it('creates a connector and lists it', async () => {
    const name = `e2e ${run} created`;
    await page.goto(`${appUrl}/connectors`);
    await page.getByRole('link', { name: 'Create connector' }).first().click();
    await page.getByRole('heading', { name: 'New connector' }).waitFor();
    await fillConnectorForm(page, name);
    await page.getByRole('button', { name: 'Create connector' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByText('4/4 required mapped').first().waitFor();

    await page.goto(`${appUrl}/connectors`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('smsdesk');
    expect(text).toContain(devAccount.region);
    expect(text).toContain('Mainland China');
    expect(text).toContain(devAccount.sdkAppId);
    expect(text).toContain('4/4 required mapped');
  });

  it('edits the sign name', async () => {
    const name = `e2e ${run} edited`;
    await createConnector(page, appUrl, name);
    await openConnector(page, appUrl, name);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByText('A secret is set').waitFor();
    const sign = page.getByLabel('Sign name', { exact: true });
    await expect(sign.inputValue()).resolves.toBe(devAccount.signName);
    await sign.fill('smsdesk-e2e');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await expect(page.getByTestId('fact-signName').textContent()).resolves.toBe('smsdesk-e2e');
  });

  it('shows the delivery callback URL to paste into Tencent, and replaces it after a confirmation', async () => {
    const name = `e2e ${run} callback`;
    await createConnector(page, appUrl, name);
    await openConnector(page, appUrl, name);
    const url = page.getByTestId('callback-url');
    await url.waitFor();
    const first = (await url.textContent()) ?? '';
    expect(first).toMatch(/\/tencent-callbacks\/[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'New URL' }).click();
    await page.getByText('The current URL stops working at once').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'New URL' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect
      .poll(async () => {
        const text = (await url.textContent()) ?? '';
        return text !== first && /\/tencent-callbacks\/[A-Za-z0-9_-]{43}$/.test(text);
      })
      .toBe(true);
    // The old URL is refused from now on, the new one takes Tencent's reports.
    const old = await fetch(first, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(old.status).toBe(404);
    const next = await fetch((await url.textContent()) ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(await next.json()).toEqual({ result: 0, errmsg: 'OK' });
  });

  it('shows the Logto JSON with the secret, and imports it under a new name', async () => {
    const name = `e2e ${run} exported`;
    const importedName = `e2e ${run} imported`;
    await createConnector(page, appUrl, name);
    await openConnector(page, appUrl, name);
    await page.getByRole('link', { name: 'Logto JSON', exact: true }).click();
    await page.getByText('access key secret', { exact: true }).waitFor();
    const pre = page.getByTestId('logto-json');
    await pre.waitFor();
    // Masked until revealed.
    await expect(pre.textContent()).resolves.toContain('••••••••');
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    const shown = JSON.parse((await pre.textContent()) ?? '') as { templates: Mapping[] };
    expect({ ...shown, templates: byUsageType(shown.templates) }).toEqual({
      ...devAccount,
      templates: byUsageType(templates),
    });
    await expect(page.getByRole('button', { name: 'Copy JSON', exact: true }).isEnabled()).resolves.toBe(
      true,
    );

    await page.goto(`${appUrl}/connectors`);
    await page.getByRole('button', { name: 'Import Logto JSON' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import Logto JSON' });
    await dialog.getByLabel('Name', { exact: true }).fill(importedName);
    await dialog.getByLabel('Logto connector JSON', { exact: true }).fill('{"signName": ');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText(/This is not valid JSON/).waitFor();
    await dialog.getByLabel('Logto connector JSON', { exact: true }).fill(JSON.stringify(shown, null, 2));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: importedName, exact: true }).waitFor();
    await expect(page.getByTestId('fact-signName').textContent()).resolves.toBe(devAccount.signName);

    await page.goto(`${appUrl}/connectors`);
    await page.getByRole('link', { name: importedName, exact: true }).waitFor();
    await page.getByRole('link', { name, exact: true }).waitFor();
  });

  it('shows a viewer every screen without an enabled change control', async () => {
    const name = `e2e ${run} viewed`;
    await createConnector(page, appUrl, name);
    const viewer = await launchBrowser();
    try {
      const vpage = await viewer.context.newPage();
      await signInThroughSpa(vpage, appUrl, 'viewer', 'smsdesk-viewer');
      await vpage.goto(`${appUrl}/connectors`);
      await vpage.getByText(readOnlyHint).first().waitFor();
      await expect(vpage.getByRole('link', { name: 'Create connector' }).count()).resolves.toBe(0);
      await expect(vpage.getByRole('button', { name: 'Create connector' }).isDisabled()).resolves.toBe(true);
      await expect(vpage.getByRole('button', { name: 'Import Logto JSON' }).isDisabled()).resolves.toBe(true);

      await openConnector(vpage, appUrl, name);
      await vpage.getByText(readOnlyHint).first().waitFor();
      await vpage.getByRole('table', { name: 'Template mapping' }).waitFor();
      await expect(vpage.getByRole('link', { name: 'Edit', exact: true }).count()).resolves.toBe(0);
      await expect(vpage.getByRole('button', { name: 'Edit', exact: true }).isDisabled()).resolves.toBe(true);
      await expect(vpage.getByRole('button', { name: 'Delete', exact: true }).isDisabled()).resolves.toBe(
        true,
      );

      await vpage.getByRole('link', { name: 'Audit', exact: true }).click();
      await vpage.getByRole('table', { name: 'Audit events' }).waitFor();
    } finally {
      await viewer.close();
    }
  });

  it('deletes connectors after a confirmation naming them', async () => {
    const names = [`e2e ${run} deleted`, `e2e ${run} deleted too`];
    for (const target of names) await createConnector(page, appUrl, target);
    for (const target of names) {
      await openConnector(page, appUrl, target);
      const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
      await deleteButton.click();
      const dialog = page.getByRole('dialog', { name: `Delete connector “${target}”?` });
      await dialog.waitFor();
      // Esc closes it and the focus is back on the button that opened it; then again, for real.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect(deleteButton.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
      await deleteButton.click();
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.waitForURL(`${appUrl}/connectors`);
      await page.getByRole('heading', { name: 'Connectors', exact: true }).waitFor();
      await expect(page.getByRole('link', { name: target, exact: true }).count()).resolves.toBe(0);
    }
  });
});
