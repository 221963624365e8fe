import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devAccount, otherAccount, seededTemplateIds, type TencentSmsEmulator } from '../src/index.ts';
import { getJson, postJson, sdkError, type SmsClient, smsClient, startEmulator } from './helpers.ts';

let emu: TencentSmsEmulator;
let client: SmsClient;

beforeAll(async () => {
  ({ emu, client } = await startEmulator({ limits: false, reviewDelayMs: null }));
});
beforeEach(() => emu.reset());
afterAll(() => emu.close());

const sendTo = (phones: string[], code = '123456') =>
  client.SendSms({
    PhoneNumberSet: phones,
    SmsSdkAppId: devAccount.sdkAppId,
    TemplateId: seededTemplateIds.signIn,
    SignName: devAccount.signName,
    TemplateParamSet: [code],
  });

interface Message {
  id: string;
  e164: string;
  text: string;
  params: string[];
}
interface Template {
  templateId: number;
  statusCode: number;
  reviewReply: string;
}

describe('PullSmsSendStatus', () => {
  it('hands out each delivery report once, oldest first, at most Limit per call', async () => {
    const sent = await sendTo(['13800138001', '13800138002', '13800138003']);
    const serials = sent.SendStatusSet?.map((s) => s.SerialNo);
    const first = await client.PullSmsSendStatus({ Limit: 2, SmsSdkAppId: devAccount.sdkAppId });
    expect(first.PullSmsSendStatusSet?.map((r) => r.SerialNo)).toEqual(serials?.slice(0, 2));
    expect(first.PullSmsSendStatusSet?.[0]).toMatchObject({
      PhoneNumber: '+8613800138001',
      CountryCode: '86',
      SubscriberNumber: '13800138001',
      ReportStatus: 'SUCCESS',
      Description: 'DELIVRD',
      UserReceiveTime: expect.any(Number),
    });
    const second = await client.PullSmsSendStatus({ Limit: 100, SmsSdkAppId: devAccount.sdkAppId });
    expect(second.PullSmsSendStatusSet?.map((r) => r.SerialNo)).toEqual(serials?.slice(2));
    const third = await client.PullSmsSendStatus({ Limit: 100, SmsSdkAppId: devAccount.sdkAppId });
    expect(third.PullSmsSendStatusSet).toEqual([]);
  });

  it('validates Limit and the SdkAppId', async () => {
    expect(
      (await sdkError(client.PullSmsSendStatus({ Limit: 101, SmsSdkAppId: devAccount.sdkAppId }))).code,
    ).toBe('InvalidParameterValue');
    expect(
      (await sdkError(client.PullSmsSendStatus({ Limit: 10, SmsSdkAppId: otherAccount.sdkAppId }))).code,
    ).toBe('UnauthorizedOperation.SmsSdkAppIdVerifyFail');
  });
});

describe('control API', () => {
  it('GET /messages: newest first, phone filter normalises every spelling', async () => {
    await sendTo(['+8613800138000'], '111111');
    await sendTo(['13900139000'], '222222');
    await sendTo(['8613800138000'], '333333');
    const all = await getJson<{ messages: Message[] }>(`${emu.url}/__emulator/messages`);
    expect(all.messages.map((m) => m.params[0])).toEqual(['333333', '222222', '111111']);
    for (const phone of ['+8613800138000', '8613800138000', '13800138000']) {
      const { messages } = await getJson<{ messages: Message[] }>(
        `${emu.url}/__emulator/messages?phone=${encodeURIComponent(phone)}`,
      );
      expect(messages.map((m) => m.params[0])).toEqual(['333333', '111111']);
    }
  });

  it('GET /requests logs every API call in order, including errors, filterable by action', async () => {
    await sendTo(['13800138000']);
    await sdkError(
      smsClient(emu.endpoint, { secretId: devAccount.secretId, secretKey: 'bad' }).SendSms({} as never),
    );
    await client.DescribeSmsSignList({ International: 0 });
    const { requests } = await getJson<{ requests: Record<string, unknown>[] }>(
      `${emu.url}/__emulator/requests`,
    );
    expect(requests.map((r) => [r.action, r.outcome])).toEqual([
      ['SendSms', 'ok'],
      ['SendSms', 'AuthFailure.SignatureFailure'],
      ['DescribeSmsSignList', 'ok'],
    ]);
    expect(requests[0]).toMatchObject({
      secretId: devAccount.secretId,
      region: 'ap-guangzhou',
      params: expect.objectContaining({ PhoneNumberSet: ['13800138000'] }),
      receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const sends = await getJson<{ requests: unknown[] }>(`${emu.url}/__emulator/requests?action=SendSms`);
    expect(sends.requests).toHaveLength(2);
  });

  it('GET /templates, approve and reject', async () => {
    const { templates } = await getJson<{ templates: Template[] }>(`${emu.url}/__emulator/templates`);
    expect(templates.map((t) => t.templateId)).toEqual(
      expect.arrayContaining([100001, 100005, 100006, 100050]),
    );
    const approved = await postJson<Template>(`${emu.url}/__emulator/templates/100005/approve`);
    expect(approved).toMatchObject({ templateId: 100005, statusCode: 0 });
    expect((await sendTo(['13800138000'])).SendStatusSet?.[0]?.Code).toBe('Ok');
    const rejected = await postJson<Template>(`${emu.url}/__emulator/templates/100001/reject`, {
      reviewReply: 'nope',
    });
    expect(rejected).toMatchObject({ templateId: 100001, statusCode: -1, reviewReply: 'nope' });
    expect((await sendTo(['13800138001'])).SendStatusSet?.[0]?.Code).toBe(
      'FailedOperation.TemplateUnapprovedOrNotExist',
    );
    const missing = await fetch(`${emu.url}/__emulator/templates/1/approve`, { method: 'POST' });
    expect(missing.status).toBe(404);
  });

  it('POST /reset restores the seed and clears messages, requests, reports, limits and faults', async () => {
    await client.AddSmsTemplate({
      TemplateName: 'x',
      TemplateContent: 'code {1}',
      SmsType: 3,
      International: 0,
      Remark: '',
    });
    emu.rejectTemplate(100001);
    await sendTo(['13800138000']);
    await postJson(`${emu.url}/__emulator/faults`, { kind: 'http500', count: 5 });
    await postJson(`${emu.url}/__emulator/reset`);
    expect(emu.messages()).toEqual([]);
    expect(emu.requests()).toEqual([]);
    expect(emu.templates().find((t) => t.templateId === 100001)?.statusCode).toBe(0);
    expect(emu.templates().some((t) => t.templateId === 100100)).toBe(false);
    expect(
      (await client.PullSmsSendStatus({ Limit: 10, SmsSdkAppId: devAccount.sdkAppId })).PullSmsSendStatusSet,
    ).toEqual([]);
    const again = await client.AddSmsTemplate({
      TemplateName: 'y',
      TemplateContent: 'code {1}',
      SmsType: 3,
      International: 0,
      Remark: '',
    });
    expect(again.AddTemplateStatus?.TemplateId).toBe('100100');
  });

  it('GET /inbox renders the messages of one number as HTML, escaped', async () => {
    await sendTo(['13800138000'], '765432');
    await sendTo(['13900139000'], '111111');
    const res = await fetch(`${emu.url}/__emulator/inbox?phone=8613800138000`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Your sign-in code is 765432');
    expect(html).not.toContain('111111');
    const xss = await (
      await fetch(`${emu.url}/__emulator/inbox?phone=${encodeURIComponent('<script>')}`)
    ).text();
    expect(xss).not.toContain('<script>');
  });

  it('has a favicon where browsers ask for it and where the inbox points', async () => {
    const html = await (await fetch(`${emu.url}/__emulator/inbox`)).text();
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    for (const path of ['/favicon.svg', '/favicon.ico']) {
      const res = await fetch(`${emu.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe('image/svg+xml');
      expect(await res.text(), path).toMatch(/^<svg /);
    }
  });
});

describe('faults', () => {
  it('http500: the SDK sees an error with httpCode 500, then the next call is normal', async () => {
    await postJson(`${emu.url}/__emulator/faults`, { kind: 'http500' });
    const err = await sdkError(sendTo(['13800138000']));
    expect(err.httpCode).toBe(500);
    expect(err.code).toBeUndefined();
    expect((await sendTo(['13800138000'])).SendStatusSet?.[0]?.Code).toBe('Ok');
    expect(emu.requests('SendSms').map((r) => r.outcome)).toEqual(['fault:http500', 'ok']);
    expect(emu.messages()).toHaveLength(1);
  });

  it('non_json: the SDK fails to parse the body', async () => {
    await postJson(`${emu.url}/__emulator/faults`, { kind: 'non_json' });
    const err = await sdkError(client.DescribeSmsSignList({ International: 0 }));
    expect(err.code).toBeUndefined();
    expect(err.httpCode).toBeUndefined();
    expect(err.message).toMatch(/json/i);
  });

  it('error: a Tencent error envelope with the given code, only for the given action and count', async () => {
    await postJson(`${emu.url}/__emulator/faults`, {
      kind: 'error',
      action: 'SendSms',
      count: 2,
      code: 'UnauthorizedOperation.SerivceSuspendDueToArrears',
      message: 'arrears',
    });
    expect((await client.DescribeSmsSignList({ International: 0 })).DescribeSignListStatusSet).toHaveLength(
      2,
    );
    for (let i = 0; i < 2; i++) {
      expect(await sdkError(sendTo(['13800138000']))).toMatchObject({
        code: 'UnauthorizedOperation.SerivceSuspendDueToArrears',
        message: 'arrears',
      });
    }
    expect((await sendTo(['13800138000'])).SendStatusSet?.[0]?.Code).toBe('Ok');
  });

  it('delay past reqTimeout: the SDK times out; a short delay still answers normally', async () => {
    emu.injectFault({ kind: 'delay', delayMs: 1500 });
    const impatient = smsClient(emu.endpoint, devAccount, 1);
    const started = Date.now();
    const err = await sdkError(impatient.DescribeSmsSignList({ International: 0 }));
    expect(err.code).toBeUndefined();
    expect(err.message).toMatch(/timeout/i);
    expect(Date.now() - started).toBeLessThan(1500);
    await postJson(`${emu.url}/__emulator/faults`, { kind: 'delay', delayMs: 100 });
    const t0 = Date.now();
    expect((await client.DescribeSmsSignList({ International: 0 })).DescribeSignListStatusSet).toHaveLength(
      2,
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
  });

  it('DELETE /faults clears pending faults; a malformed fault is a 400', async () => {
    await postJson(`${emu.url}/__emulator/faults`, { kind: 'http500', count: 3 });
    const listed = await getJson<{ faults: unknown[] }>(`${emu.url}/__emulator/faults`);
    expect(listed.faults).toHaveLength(1);
    await fetch(`${emu.url}/__emulator/faults`, { method: 'DELETE' });
    expect((await client.DescribeSmsSignList({ International: 0 })).RequestId).toEqual(expect.any(String));
    const bad = await fetch(`${emu.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'explode' }),
    });
    expect(bad.status).toBe(400);
    expect(() => emu.injectFault({ kind: 'delay', count: 0 })).toThrow(/count/);
  });
});
