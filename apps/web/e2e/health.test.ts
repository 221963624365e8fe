import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { createConnector, requiredTemplates, useSignedInConnector } from './support/connectors.ts';

const optional = [
  'OrganizationInvitation',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
];

const rowState = (page: Page, usageType: string, state: string) =>
  page.locator(`[data-testid="health-${usageType}"][data-state="${state}"]`);

describe('the Health tab in Chromium', () => {
  const appUrl = inject('appUrl');
  const emulatorUrl = inject('emulatorUrl');
  const name = `e2e health ${Date.now().toString(36)}`;
  const ctx = useSignedInConnector(appUrl, name);

  it('runs the check when opened: the four required types green, the four optional SMS ones amber', async () => {
    await ctx.page.goto(`${appUrl}${ctx.connectorPath}`);
    await ctx.page.getByRole('link', { name: 'Health', exact: true }).click();
    await ctx.page.getByTestId('check-status').waitFor({ timeout: 20_000 });
    await expect(ctx.page.getByTestId('check-status').textContent()).resolves.toContain('Logto will work');
    const matrix = ctx.page.getByRole('table', { name: 'Usage type health' });
    await expect(matrix.getByRole('rowheader').allTextContents()).resolves.toEqual([
      ...Object.keys(requiredTemplates),
      ...optional,
    ]);
    for (const usageType of Object.keys(requiredTemplates)) {
      await rowState(ctx.page, usageType, 'ok').waitFor();
    }
    for (const usageType of optional) {
      // Logto sends organization invitations by email only: that row is fine without a template.
      await rowState(
        ctx.page,
        usageType,
        usageType === 'OrganizationInvitation' ? 'ok' : 'warning',
      ).waitFor();
    }
    await expect(ctx.page.getByText('Last checked').count()).resolves.toBe(1);
  });

  it('creates and maps a template from the MfaVerification row; approved at Tencent, the row turns green and the Templates tab lists it', async () => {
    // A connector of its own: the mapping made here would turn the first test's amber row green.
    const path = await createConnector(ctx.page, appUrl, `${name} mapped`);
    await ctx.page.goto(`${appUrl}${path}/health`);
    await rowState(ctx.page, 'MfaVerification', 'warning').waitFor({ timeout: 20_000 });
    await ctx.page
      .getByTestId('health-MfaVerification')
      .getByRole('button', { name: 'Create template', exact: true })
      .click();
    const dialog = ctx.page.getByRole('dialog', { name: 'New template for MfaVerification' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Template name', { exact: true }).inputValue()).resolves.toBe(
      'MfaVerification code',
    );
    await expect(dialog.getByTestId('template-preview').textContent()).resolves.toBe(
      '【smsdesk】Your verification code is 123456. It expires in 10 minutes.',
    );
    await dialog.getByRole('button', { name: 'Create template', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });

    // Mapped now, but the template is under review: not green yet, with the new code in the row.
    const row = ctx.page.getByTestId('health-MfaVerification');
    await row.locator('[data-cell="mapped"][data-state="ok"]').waitFor({ timeout: 20_000 });
    await expect(row.getAttribute('data-state')).resolves.not.toBe('ok');

    const listed = (await (await fetch(`${emulatorUrl}/__emulator/templates`)).json()) as {
      templates: { templateId: number; templateName: string; statusCode: number }[];
    };
    const created = listed.templates.filter((t) => t.templateName === 'MfaVerification code').at(-1);
    expect(created?.statusCode).toBe(1);
    await expect(row.textContent()).resolves.toContain(String(created?.templateId));

    const approved = await fetch(`${emulatorUrl}/__emulator/templates/${created?.templateId}/approve`, {
      method: 'POST',
    });
    expect(approved.status).toBe(200);

    await ctx.page.getByRole('button', { name: 'Run check', exact: true }).click();
    await rowState(ctx.page, 'MfaVerification', 'ok').waitFor({ timeout: 20_000 });
    for (const cell of ['mapped', 'exists', 'approved', 'singleVariable']) {
      await expect(row.locator(`[data-cell="${cell}"]`).getAttribute('data-state')).resolves.toBe('ok');
    }
    await expect(
      ctx.page.getByTestId('health-MfaVerification').getByRole('button', { name: 'Create template' }).count(),
    ).resolves.toBe(0);

    await ctx.page.goto(`${appUrl}${path}/templates`);
    const table = ctx.page.getByRole('table', { name: 'Templates' });
    await table.waitFor({ timeout: 20_000 });
    const listedRow = table.getByRole('row').filter({ hasText: 'MfaVerification code' }).last();
    await expect(listedRow.textContent()).resolves.toContain('approved');
    await expect(listedRow.textContent()).resolves.toContain('MfaVerification');
    await ctx.page.getByRole('table', { name: 'Signatures' }).waitFor();
  });
});
