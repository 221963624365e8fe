import {
  type TencentSmsEmulator,
  devAccount,
  otherAccount,
  seededTemplateIds,
  startTencentSmsEmulator,
} from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../../fixtures/connectors.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startTestStack, type TestStack } from '../../helpers/stack.ts';
import { expectNoSecrets } from '../../helpers/secrets.ts';

interface Finding {
  severity: 'error' | 'warning' | 'info';
  code: string;
  usageType?: string;
  templateCode?: string;
  message: string;
  fix: string;
}
interface Row {
  usageType: string;
  requiredByLogto: boolean;
  templateCode: string | null;
  mapped: string;
  exists: string;
  approved: string;
  singleVariable: string;
  state: string;
  blockedBy?: string;
}
interface CheckResult {
  ok: boolean;
  checkedAt: string;
  findings: Finding[];
  usageTypes: Row[];
}

const optionalTypes = [
  'OrganizationInvitation',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
];
/** The optional types Logto sends by SMS (organization invitations go by email only). */
const smsOptionalTypes = ['UserPermissionValidation', 'BindNewIdentifier', 'MfaVerification', 'BindMfa'];
const timeoutMs = 800;

/** Findings as `[severity, code, usageType]`, the shape the expectations below are written in. */
const summary = (result: CheckResult) =>
  result.findings.map((f) => [f.severity, f.code, f.usageType ?? null] as const);
const errorsOf = (result: CheckResult) => result.findings.filter((f) => f.severity === 'error');
const rowOf = (result: CheckResult, usageType: string) =>
  result.usageTypes.find((r) => r.usageType === usageType)!;

describe.each(databaseKinds)('connector check on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;
  let admin: { authorization: string };
  let connectorCount = 0;
  const bodies: string[] = [];

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    stack = await startTestStack(kind, {
      TENCENT_SMS_ENDPOINT: emu.url,
      TENCENT_SMS_TIMEOUT_MS: String(timeoutMs),
    });
    admin = await stack.auth({ sub: 'user-admin' });
  });
  beforeEach(() => emu.reset());
  afterAll(async () => {
    // Secret hygiene: no answer and no log line of this suite carries a configured secret.
    expectNoSecrets([...bodies, ...(stack?.logLines ?? [])]);
    await stack?.close();
    await emu?.close();
  });

  async function createConnector(change: Record<string, unknown> = {}) {
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: admin,
      payload: { ...devConnectorBody(`Checked ${++connectorCount}`), ...change },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; version: number };
  }

  async function patch(connector: { id: string; version: number }, change: Record<string, unknown>) {
    const res = await stack.app.inject({
      method: 'PATCH',
      url: `/api/connectors/${connector.id}`,
      headers: { ...admin, 'if-match': `W/"${connector.version}"` },
      payload: change,
    });
    expect(res.statusCode).toBe(200);
    connector.version = res.json().version;
  }

  async function check(connectorId: string, headers = admin): Promise<CheckResult> {
    const res = await stack.app.inject({
      method: 'POST',
      url: `/api/connectors/${connectorId}/check`,
      headers,
    });
    bodies.push(res.body);
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  it('finds the seeded connector usable: no errors, a warning per unmapped optional type, the ui_locales note', async () => {
    const connector = await createConnector();
    const result = await check(connector.id);
    expect(result.ok).toBe(true);
    expect(summary(result)).toEqual([
      ...smsOptionalTypes.map((t) => ['warning', 'USAGE_TYPE_UNMAPPED', t]),
      ['info', 'DELIVERY_REPORTS_UNVERIFIED', null],
      ['info', 'USAGE_TYPE_NOT_SENT_BY_SMS', 'OrganizationInvitation'],
      ['info', 'UI_LOCALES_PARAMETER', null],
    ]);
    expect(rowOf(result, 'OrganizationInvitation').state).toBe('ok');
    const mfa = result.findings.find((f) => f.usageType === 'MfaVerification')!;
    expect(mfa.message).toContain('MFA by SMS (verification at sign-in)');
    expect(mfa.message).toContain('no Generic fallback');
    expect(mfa.fix).toMatch(/\S/);
    expect(result.findings.find((f) => f.code === 'UI_LOCALES_PARAMETER')?.message).toContain('ui_locales');

    expect(result.usageTypes.map((r) => r.usageType)).toEqual([
      'SignIn',
      'Register',
      'ForgotPassword',
      'Generic',
      ...optionalTypes,
    ]);
    expect(rowOf(result, 'SignIn')).toEqual({
      usageType: 'SignIn',
      requiredByLogto: true,
      templateCode: seededTemplateIds.signIn,
      mapped: 'ok',
      exists: 'ok',
      approved: 'ok',
      singleVariable: 'ok',
      state: 'ok',
    });
    expect(rowOf(result, 'BindMfa')).toMatchObject({
      requiredByLogto: false,
      templateCode: null,
      mapped: 'warning',
      state: 'warning',
    });
    expect(Date.parse(result.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('asks Tencent a handful of reads and never sends or pulls reports', async () => {
    const connector = await createConnector();
    await check(connector.id);
    const actions = emu
      .requests()
      .map((r) => r.action)
      .sort();
    expect(actions).toEqual(['DescribeSmsSignList', 'DescribeSmsTemplateList', 'SendStatusStatistics']);
    expect(emu.requests('SendStatusStatistics')[0]?.params).toMatchObject({
      SmsSdkAppId: devAccount.sdkAppId,
    });
  });

  it('flags mapped templates under review, rejected or with two variables, and clears once fixed', async () => {
    const connector = await createConnector();
    const base = devConnectorBody().templates;
    await patch(connector, {
      templates: [
        ...base,
        { usageType: 'MfaVerification', templateCode: seededTemplateIds.underReview },
        { usageType: 'BindMfa', templateCode: seededTemplateIds.rejected },
        { usageType: 'OrganizationInvitation', templateCode: seededTemplateIds.twoVariables },
      ],
    });
    const flagged = await check(connector.id);
    expect(flagged.ok).toBe(false);
    expect(summary(flagged)).toEqual([
      ['error', 'TEMPLATE_UNDER_REVIEW', 'MfaVerification'],
      ['error', 'TEMPLATE_REJECTED', 'BindMfa'],
      ['warning', 'USAGE_TYPE_UNMAPPED', 'UserPermissionValidation'],
      ['warning', 'USAGE_TYPE_UNMAPPED', 'BindNewIdentifier'],
      ['info', 'DELIVERY_REPORTS_UNVERIFIED', null],
      // Never sent by SMS: its template cannot make Logto fail.
      ['info', 'TEMPLATE_VARIABLES', 'OrganizationInvitation'],
      ['info', 'UI_LOCALES_PARAMETER', null],
    ]);
    const rejected = flagged.findings.find((f) => f.code === 'TEMPLATE_REJECTED')!;
    expect(rejected.templateCode).toBe(seededTemplateIds.rejected);
    expect(rejected.message).toContain('must not contain marketing content');
    expect(flagged.findings.find((f) => f.code === 'TEMPLATE_VARIABLES')?.message).toContain(
      'Logto sends only the code',
    );
    expect(rowOf(flagged, 'MfaVerification')).toMatchObject({
      exists: 'ok',
      approved: 'error',
      singleVariable: 'ok',
      state: 'error',
    });
    expect(rowOf(flagged, 'OrganizationInvitation')).toMatchObject({
      approved: 'ok',
      singleVariable: 'error',
      state: 'ok',
    });

    const approved = await fetch(`${emu.url}/__emulator/templates/${seededTemplateIds.underReview}/approve`, {
      method: 'POST',
    });
    expect(approved.ok).toBe(true);
    await patch(connector, {
      templates: [
        ...base,
        { usageType: 'MfaVerification', templateCode: seededTemplateIds.underReview },
        { usageType: 'BindMfa', templateCode: seededTemplateIds.signIn },
        { usageType: 'OrganizationInvitation', templateCode: seededTemplateIds.generic },
        { usageType: 'UserPermissionValidation', templateCode: seededTemplateIds.generic },
        { usageType: 'BindNewIdentifier', templateCode: seededTemplateIds.generic },
      ],
    });
    const fixed = await check(connector.id);
    expect(fixed.ok).toBe(true);
    expect(errorsOf(fixed)).toEqual([]);
    expect(summary(fixed)).toEqual([
      ['info', 'DELIVERY_REPORTS_UNVERIFIED', null],
      ['info', 'UI_LOCALES_PARAMETER', null],
    ]);
    expect(fixed.usageTypes.every((r) => r.state === 'ok')).toBe(true);
  });

  it('requires the four types Logto insists on, as errors', async () => {
    const connector = await createConnector({ templates: [] });
    const result = await check(connector.id);
    expect(result.ok).toBe(false);
    expect(summary(result)).toEqual([
      ['error', 'USAGE_TYPE_UNMAPPED', 'SignIn'],
      ['error', 'USAGE_TYPE_UNMAPPED', 'Register'],
      ['error', 'USAGE_TYPE_UNMAPPED', 'ForgotPassword'],
      ['error', 'USAGE_TYPE_UNMAPPED', 'Generic'],
      ...smsOptionalTypes.map((t) => ['warning', 'USAGE_TYPE_UNMAPPED', t]),
      ['info', 'DELIVERY_REPORTS_UNVERIFIED', null],
      ['info', 'USAGE_TYPE_NOT_SENT_BY_SMS', 'OrganizationInvitation'],
    ]);
    expect(errorsOf(result)[0]?.message).toContain('Logto refuses the config without it');
    expect(rowOf(result, 'SignIn')).toMatchObject({ mapped: 'error', state: 'error' });
  });

  it('reports a wrong secret as CREDENTIALS_REJECTED with unknown template cells, not a 500', async () => {
    const connector = await createConnector({ accessKeySecret: 'not-the-right-secret' });
    const result = await check(connector.id);
    expect(result.ok).toBe(false);
    const errors = errorsOf(result);
    expect(errors.map((f) => f.code)).toEqual(['CREDENTIALS_REJECTED']);
    expect(errors[0]?.message).toContain('AuthFailure.SignatureFailure');
    expect(errors[0]?.fix).toContain('SecretKey');
    expect(rowOf(result, 'SignIn')).toMatchObject({
      mapped: 'ok',
      exists: 'unknown',
      approved: 'unknown',
      singleVariable: 'unknown',
      // Blocked: no usage type can send with refused keys, whatever its template.
      state: 'error',
      blockedBy: 'CREDENTIALS_REJECTED',
    });
    expect(
      result.usageTypes
        .filter((r) => r.usageType !== 'OrganizationInvitation')
        .every((r) => r.state === 'error'),
    ).toBe(true);
    // One signed read proves the keys wrong; nothing else is attempted with them.
    expect(emu.requests().map((r) => r.action)).toEqual(['DescribeSmsTemplateList']);
  });

  it('reports a connector without a secret without asking Tencent', async () => {
    const { accessKeySecret: _, ...body } = devConnectorBody(`No secret ${++connectorCount}`);
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: admin,
      payload: body,
    });
    const result = await check(res.json().id);
    expect(errorsOf(result).map((f) => f.code)).toEqual(['CREDENTIALS_MISSING']);
    expect(rowOf(result, 'Generic').exists).toBe('unknown');
    expect(emu.requests()).toEqual([]);
  });

  it('turns a Tencent timeout during the check into a finding', async () => {
    const connector = await createConnector();
    emu.injectFault({ kind: 'delay', action: 'DescribeSmsTemplateList', delayMs: timeoutMs * 3 });
    const result = await check(connector.id);
    expect(result.ok).toBe(false);
    const errors = errorsOf(result);
    expect(errors.map((f) => f.code)).toEqual(['TENCENT_UNREACHABLE']);
    expect(errors[0]?.message).toContain('did not answer');
    expect(errors[0]?.fix).toContain('TENCENT_SMS_TIMEOUT_MS');
    expect(rowOf(result, 'SignIn').exists).toBe('unknown');
  });

  it('an unsupported region (a profile from before the region rule) blocks every row as REGION_UNSUPPORTED', async () => {
    const connector = await createConnector();
    // The API refuses such a region now; Tencent's answer for one is what an older profile still gets.
    emu.injectFault({
      kind: 'error',
      action: 'DescribeSmsTemplateList',
      code: 'UnsupportedRegion',
      message: 'The action `DescribeSmsTemplateList` does not support region `ap-mars`.',
    });
    const result = await check(connector.id);
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({ severity: 'error', code: 'REGION_UNSUPPORTED' });
    expect(result.findings[0]?.fix).toContain('ap-guangzhou');
    expect(rowOf(result, 'SignIn')).toMatchObject({ state: 'error', blockedBy: 'REGION_UNSUPPORTED' });
  });

  it('a personal account: what could not be verified is unknown (a warning, not a blocker), with the test sends that prove it', async () => {
    const connector = await createConnector();
    emu.setAccountMode(devAccount.secretId, { verification: 'personal' });
    const result = await check(connector.id);
    expect(errorsOf(result)).toEqual([]);
    const finding = result.findings.find((f) => f.code === 'ACCOUNT_PERSONAL');
    expect(finding).toMatchObject({ severity: 'warning' });
    expect(finding?.message).toContain('NotEnterpriseCertification');
    expect(finding?.fix).toContain('mode "logto"');
    expect(finding?.fix).toContain('SignIn, Register, ForgotPassword, Generic');
    expect(rowOf(result, 'SignIn')).toMatchObject({
      exists: 'unknown',
      approved: 'unknown',
      state: 'warning',
    });
    expect(rowOf(result, 'SignIn').blockedBy).toBeUndefined();
    // Neither the sign list nor a second template read was tried: both would be refused the same way.
    expect(emu.requests('DescribeSmsSignList')).toEqual([]);
    expect(emu.requests('DescribeSmsTemplateList')).toHaveLength(1);
  });

  it('a sub-account: the mapped templates are read by id, and the check still finds what is wrong', async () => {
    const connector = await createConnector({
      templates: [
        ...devConnectorBody('x').templates.filter((t) => t.usageType !== 'SignIn'),
        { usageType: 'SignIn', templateCode: seededTemplateIds.underReview },
      ],
    });
    emu.setAccountMode(devAccount.secretId, { subAccount: true });
    const result = await check(connector.id);
    expect(result.findings.find((f) => f.code === 'ACCOUNT_SUB_ACCOUNT')).toMatchObject({ severity: 'info' });
    expect(errorsOf(result).map((f) => [f.code, f.usageType])).toEqual([['TEMPLATE_UNDER_REVIEW', 'SignIn']]);
    expect(rowOf(result, 'Register')).toMatchObject({ exists: 'ok', approved: 'ok', state: 'ok' });
  });

  it('says delivery reports may stay pending until the connector has a callback URL, and not after', async () => {
    const connector = await createConnector();
    const before = await check(connector.id);
    expect(before.findings.find((f) => f.code === 'DELIVERY_REPORTS_UNVERIFIED')?.fix).toContain(
      'callback URL',
    );
    const url = await stack.app.inject({
      method: 'GET',
      url: `/api/connectors/${connector.id}/callback`,
      headers: admin,
    });
    expect(url.statusCode).toBe(200);
    const after = await check(connector.id);
    expect(after.findings.map((f) => f.code)).not.toContain('DELIVERY_REPORTS_UNVERIFIED');
  });

  it('keeps checking the templates when only the sign list fails', async () => {
    const connector = await createConnector();
    emu.injectFault({ kind: 'http500', action: 'DescribeSmsSignList', count: 2 });
    const result = await check(connector.id);
    expect(errorsOf(result).map((f) => f.code)).toEqual(['TENCENT_UNREACHABLE']);
    expect(errorsOf(result)[0]?.message).toContain('read the signs');
    expect(rowOf(result, 'SignIn')).toMatchObject({ exists: 'ok', approved: 'ok', state: 'ok' });
  });

  it.each([
    [otherAccount.sdkAppId, 'SDK_APP_NOT_OWNED'],
    ['1400999999', 'SDK_APP_NOT_FOUND'],
  ])('proves the SDK app id %s wrong: %s', async (sdkAppId, code) => {
    const connector = await createConnector({ sdkAppId });
    const result = await check(connector.id);
    expect(result.ok).toBe(false);
    expect(errorsOf(result).map((f) => f.code)).toEqual([code]);
    expect(errorsOf(result)[0]?.message).toContain(sdkAppId);
    expect(emu.requests('SendSms')).toEqual([]);
  });

  it('warns, without failing, when the keys may not read the statistics that prove the SDK app', async () => {
    const connector = await createConnector();
    emu.injectFault({
      kind: 'error',
      action: 'SendStatusStatistics',
      code: 'UnauthorizedOperation.RequestPermissionDeny',
      message: 'The CAM policy does not allow sms:SendStatusStatistics.',
    });
    const result = await check(connector.id);
    expect(result.ok).toBe(true);
    const finding = result.findings.find((f) => f.code === 'SDK_APP_UNVERIFIED');
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain(devAccount.sdkAppId);
  });

  it('tells an approved template not yet in effect, and one without a variable', async () => {
    const connector = await createConnector();
    // Neither state can be reached through the control API; the emulator's raw state can (reset restores it).
    emu.store.templates.get(Number(seededTemplateIds.register))!.statusCode = 2;
    emu.store.templates.get(Number(seededTemplateIds.generic))!.templateContent = 'Your code is on its way.';
    const result = await check(connector.id);
    expect(errorsOf(result).map((f) => [f.code, f.usageType])).toEqual([
      ['TEMPLATE_NOT_IN_EFFECT', 'Register'],
      ['TEMPLATE_VARIABLES', 'Generic'],
    ]);
    expect(rowOf(result, 'Register')).toMatchObject({ approved: 'error', singleVariable: 'ok' });
    expect(rowOf(result, 'Generic')).toMatchObject({ approved: 'ok', singleVariable: 'error' });
  });

  it('an international connector is an error, whose rows all fail, even with approved international templates', async () => {
    const intl = emu.store.addTemplate({
      owner: devAccount.secretId,
      templateName: 'Intl code',
      templateContent: 'Your code is {1}',
      smsType: 3,
      international: 1,
      remark: '',
    });
    emu.approveTemplate(intl.templateId);
    const code = String(intl.templateId);
    const connector = await createConnector({
      international: true,
      templates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({
        usageType,
        templateCode: code,
      })),
    });
    const result = await check(connector.id);
    expect(result.ok).toBe(false);
    const [headline] = result.findings;
    expect(headline).toMatchObject({ severity: 'error', code: 'LOGTO_CANNOT_SEND_INTERNATIONAL' });
    expect(headline?.message).toContain('without the +');
    expect(headline?.message).toContain('14155550100');
    expect(headline?.fix).toMatch(/another SMS connector/);
    expect(rowOf(result, 'SignIn')).toMatchObject({
      exists: 'ok',
      approved: 'ok',
      singleVariable: 'ok',
      state: 'error',
      blockedBy: 'LOGTO_CANNOT_SEND_INTERNATIONAL',
    });
  });

  it('a missing sign blocks every row, and the headline names it first', async () => {
    const connector = await createConnector({ signName: 'nosuchsign' });
    const result = await check(connector.id);
    expect(result.findings[0]?.code).toBe('SIGN_MISSING');
    expect(rowOf(result, 'SignIn')).toMatchObject({
      approved: 'ok',
      state: 'error',
      blockedBy: 'SIGN_MISSING',
    });
    expect(rowOf(result, 'BindMfa')).toMatchObject({ state: 'error', blockedBy: 'SIGN_MISSING' });
    expect(rowOf(result, 'OrganizationInvitation').state).toBe('ok');
  });

  it('reports a sign this account does not have', async () => {
    const connector = await createConnector({ signName: 'nosuchsign' });
    const result = await check(connector.id);
    expect(errorsOf(result).map((f) => f.code)).toEqual(['SIGN_MISSING']);
    expect(errorsOf(result)[0]?.message).toContain('"nosuchsign"');
  });

  it('reports a sign that is not approved, with the review reply', async () => {
    const connector = await createConnector();
    // The control API has no sign review; the emulator's raw state does (reset restores it).
    const sign = emu.store.signs.find((s) => s.signName === devAccount.signName)!;
    sign.statusCode = -1;
    sign.reviewReply = 'The sign does not match the company name.';
    const result = await check(connector.id);
    expect(errorsOf(result).map((f) => f.code)).toEqual(['SIGN_NOT_APPROVED']);
    expect(errorsOf(result)[0]?.message).toContain('does not match the company name');
  });

  it('tells a missing template from one on the wrong side', async () => {
    const mainland = await createConnector({
      templates: [
        ...devConnectorBody().templates.filter((m) => m.usageType !== 'SignIn'),
        { usageType: 'SignIn', templateCode: '999999' },
      ],
    });
    const missing = await check(mainland.id);
    expect(errorsOf(missing).map((f) => [f.code, f.usageType, f.templateCode])).toEqual([
      ['TEMPLATE_NOT_FOUND', 'SignIn', '999999'],
    ]);
    expect(rowOf(missing, 'SignIn')).toMatchObject({ exists: 'error', approved: 'unknown', state: 'error' });

    const international = await createConnector({ international: true });
    emu.reset();
    const wrongSide = await check(international.id);
    expect(errorsOf(wrongSide).map((f) => [f.code, f.usageType])).toEqual([
      ['LOGTO_CANNOT_SEND_INTERNATIONAL', undefined],
      ['TEMPLATE_WRONG_SIDE', 'SignIn'],
      ['TEMPLATE_WRONG_SIDE', 'Register'],
      ['TEMPLATE_WRONG_SIDE', 'ForgotPassword'],
      ['TEMPLATE_WRONG_SIDE', 'Generic'],
    ]);
    expect(wrongSide.findings.find((f) => f.code === 'SIGN_NOT_REQUIRED')?.severity).toBe('info');
    expect(emu.requests('DescribeSmsSignList')).toEqual([]);
  });

  it('warns when a mapped template made here is not a verification-code template', async () => {
    const connector = await createConnector();
    const created = await stack.app.inject({
      method: 'POST',
      url: `/api/connectors/${connector.id}/templates`,
      headers: admin,
      payload: { name: 'Notice', content: 'Your login code is {1}.', smsType: 2 },
    });
    expect(created.statusCode).toBe(201);
    const templateId = created.json().templateId as string;
    emu.approveTemplate(templateId);
    await patch(connector, {
      templates: [
        ...devConnectorBody().templates.filter((m) => m.usageType !== 'Generic'),
        { usageType: 'Generic', templateCode: templateId },
      ],
    });
    const result = await check(connector.id);
    expect(result.ok).toBe(true);
    const warning = result.findings.find((f) => f.code === 'TEMPLATE_NOT_VERIFICATION_CODE');
    expect(warning).toMatchObject({ severity: 'warning', usageType: 'Generic', templateCode: templateId });
    expect(warning?.message).toContain('notification');
    expect(rowOf(result, 'Generic').state).toBe('warning');
  });

  it('lets a viewer run the check; 404 for an unknown connector', async () => {
    const connector = await createConnector();
    const viewer = await stack.auth({ sub: 'user-viewer', scope: 'read:connectors' });
    expect((await check(connector.id, viewer)).ok).toBe(true);
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors/00000000-0000-4000-8000-000000000000/check',
      headers: admin,
    });
    expect(res.statusCode).toBe(404);
    const anonymous = await stack.app.inject({
      method: 'POST',
      url: `/api/connectors/${connector.id}/check`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
