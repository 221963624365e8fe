import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devAccount, seededTemplateIds, type TencentSmsEmulator } from '../src/index.ts';
import { rawCall, sdkError, type SmsClient, startEmulator } from './helpers.ts';

let emu: TencentSmsEmulator;
let client: SmsClient;

beforeAll(async () => {
  ({ emu, client } = await startEmulator({ limits: false, reviewDelayMs: null }));
});
beforeEach(() => emu.reset());
afterAll(() => emu.close());

const patch = (path: string, body: unknown) =>
  fetch(`${emu.url}/__emulator/${path}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const send = (overrides: Record<string, unknown> = {}) =>
  client.SendSms({
    PhoneNumberSet: ['13800138000'],
    SmsSdkAppId: devAccount.sdkAppId,
    TemplateId: seededTemplateIds.signIn,
    SignName: devAccount.signName,
    TemplateParamSet: ['123456'],
    ...overrides,
  });

describe('account modes through the control API', () => {
  it('a personal (individually verified) account: template and sign APIs → NotEnterpriseCertification', async () => {
    const res = await patch(`accounts/${devAccount.secretId}`, { verification: 'personal' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ mode: { verification: 'personal' } });
    for (const call of [
      client.DescribeSmsTemplateList({ International: 0, Limit: 10 }),
      client.DescribeSmsSignList({ International: 0, SignIdSet: [] }),
      client.AddSmsTemplate({
        TemplateName: 'x',
        TemplateContent: 'code {1}',
        SmsType: 3,
        International: 0,
        Remark: '',
      }),
      client.DeleteSmsTemplate({ TemplateId: Number(seededTemplateIds.signIn) }),
    ]) {
      expect((await sdkError(call)).code).toBe('FailedOperation.NotEnterpriseCertification');
    }
    // Sending mainland verification codes still works.
    expect((await send()).SendStatusSet?.[0]?.Code).toBe('Ok');
  });

  it('a sub-account: listing all templates → ProhibitSubAccountUse; naming the ids works', async () => {
    await patch(`accounts/${devAccount.secretId}`, { subAccount: true });
    expect((await sdkError(client.DescribeSmsTemplateList({ International: 0, Limit: 10 }))).code).toBe(
      'FailedOperation.ProhibitSubAccountUse',
    );
    const named = await client.DescribeSmsTemplateList({
      International: 0,
      TemplateIdSet: [Number(seededTemplateIds.signIn)],
    });
    expect(named.DescribeTemplateStatusSet?.map((t) => String(t.TemplateId))).toEqual([
      seededTemplateIds.signIn,
    ]);
  });

  it('status pull not enabled: PullSmsSendStatus is refused', async () => {
    await patch(`accounts/${devAccount.secretId}`, { statusPull: false });
    const err = await sdkError(client.PullSmsSendStatus({ Limit: 10, SmsSdkAppId: devAccount.sdkAppId }));
    expect(err.code).toBe('UnauthorizedOperation.RequestPermissionDeny');
    expect(err.message).toMatch(/callback/);
  });

  it('refuses bad mode changes with 400 and unknown accounts with 404', async () => {
    expect((await patch(`accounts/${devAccount.secretId}`, { verification: 'nobody' })).status).toBe(400);
    expect((await patch(`accounts/${devAccount.secretId}`, { colour: 'red' })).status).toBe(400);
    expect((await patch('accounts/AKIDNOBODY', { subAccount: true })).status).toBe(404);
    const { accounts } = (await (await fetch(`${emu.url}/__emulator/accounts`)).json()) as {
      accounts: { secretId: string; mode: { verification: string } }[];
    };
    expect(accounts.find((a) => a.secretId === devAccount.secretId)?.mode.verification).toBe('enterprise');
  });

  it('PATCH /settings sets the frequency limits (Tencent defaults: 30 s same content, 10 a day)', async () => {
    const current = (await (await fetch(`${emu.url}/__emulator/settings`)).json()) as { limits: unknown };
    expect(current.limits).toBe(false);
    const res = await patch('settings', { limits: { daily: 2 } });
    expect(await res.json()).toMatchObject({ limits: { sameContentSeconds: 30, hourly: 0, daily: 2 } });
    expect((await send()).SendStatusSet?.[0]?.Code).toBe('Ok');
    expect((await send()).SendStatusSet?.[0]?.Code).toBe('LimitExceeded.PhoneNumberThirtySecondLimit');
    expect((await send({ TemplateParamSet: ['222222'] })).SendStatusSet?.[0]?.Code).toBe('Ok');
    expect((await send({ TemplateParamSet: ['333333'] })).SendStatusSet?.[0]?.Code).toBe(
      'LimitExceeded.PhoneNumberDailyLimit',
    );
    expect((await patch('settings', { limits: { weekly: 1 } })).status).toBe(400);
  });
});

describe('the protocol, closer to Tencent', () => {
  it('an undocumented parameter → UnknownParameter', async () => {
    const reply = await rawCall(emu.url, {
      action: 'SendSms',
      body: {
        PhoneNumberSet: ['13800138000'],
        SmsSdkAppId: devAccount.sdkAppId,
        TemplateId: seededTemplateIds.signIn,
        SignName: devAccount.signName,
        TemplateParamSet: ['1'],
        Sign: 'typo',
      },
    });
    expect(reply.Response.Error?.Code).toBe('UnknownParameter');
    expect(reply.Response.Error?.Message).toContain('Sign');
    expect(emu.messages()).toHaveLength(0);
  });

  it('GET with the parameters in the query string is served like POST', async () => {
    const query =
      `PhoneNumberSet.0=13800138000&SmsSdkAppId=${devAccount.sdkAppId}&TemplateId=${seededTemplateIds.signIn}` +
      `&SignName=${encodeURIComponent(devAccount.signName)}&TemplateParamSet.0=424242`;
    const reply = await rawCall(emu.url, { action: 'SendSms', method: 'GET', query });
    expect(reply.Response.Error).toBeUndefined();
    expect(emu.messages()[0]?.params).toEqual(['424242']);
    const list = await rawCall(emu.url, {
      action: 'DescribeSmsTemplateList',
      method: 'GET',
      query: `International=0&TemplateIdSet.0=${seededTemplateIds.signIn}`,
    });
    expect((list.Response.DescribeTemplateStatusSet as unknown[]).length).toBe(1);
  });

  it('SendStatusStatistics: RequestCount counts refused numbers, FeeCount and RequestSuccessCount the sent', async () => {
    await send({ PhoneNumberSet: ['13800138000', '13800138001', '12345'] });
    await send({ TemplateId: seededTemplateIds.rejected });
    const hour = (d: Date) => {
      const china = new Date(d.getTime() + 8 * 3600_000);
      return `${china.toISOString().slice(0, 13).replace(/[-T]/g, '')}`;
    };
    const now = new Date();
    const stats = await client.SendStatusStatistics({
      SmsSdkAppId: devAccount.sdkAppId,
      BeginTime: hour(now),
      EndTime: hour(now),
      Limit: 0,
      Offset: 0,
    });
    expect(stats.SendStatusStatistics).toEqual({ FeeCount: 2, RequestCount: 4, RequestSuccessCount: 2 });
  });
});
