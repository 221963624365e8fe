import type { AddressInfo } from 'node:net';
import {
  devAccount,
  otherAccount,
  startTencentSmsEmulator,
  type TencentSmsEmulator,
} from '@smsdesk/tencent-sms-emulator';
import { applyDeliveryReports } from '../../../src/modules/test-sends/repository.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../../fixtures/connectors.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startTestStack, type TestStack } from '../../helpers/stack.ts';
import { generousLimits } from '../../helpers/config.ts';

const baseUrl = 'https://smsdesk.example.com';

describe.each(databaseKinds)('Tencent status callbacks on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;
  let admin: { authorization: string };
  let count = 0;
  const tokens: string[] = [];

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ reviewDelayMs: null, limits: false });
    stack = await startTestStack(kind, {
      TENCENT_SMS_ENDPOINT: emu.url,
      BASE_URL: baseUrl,
      ...generousLimits,
    });
    admin = await stack.auth({ sub: 'user-admin' });
  });
  beforeEach(() => {
    emu.reset();
    // Status pull not enabled (most accounts): a delivery report can only come by callback.
    emu.setAccountMode(devAccount.secretId, { statusPull: false });
    emu.setAccountMode(otherAccount.secretId, { statusPull: false });
  });
  afterAll(async () => {
    // The token is the route's credential: never in a log line.
    expect(tokens.length).toBeGreaterThan(2);
    for (const token of tokens) expect(stack.logLines.filter((l) => l.includes(token))).toEqual([]);
    expect(stack.logLines.some((l) => l.includes('/tencent-callbacks/[token]'))).toBe(true);
    await stack?.close();
    await emu?.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown, headers: object = admin) =>
    stack.app.inject({ method, url, headers: headers as Record<string, string>, payload: payload as object });

  async function connector() {
    const res = await call('POST', '/api/connectors', devConnectorBody(`Callbacks ${++count}`));
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  async function callbackUrl(id: string) {
    const res = await call('GET', `/api/connectors/${id}/callback`);
    expect(res.statusCode).toBe(200);
    const { url } = res.json() as { url: string };
    const token = url.slice(`${baseUrl}/tencent-callbacks/`.length);
    tokens.push(token);
    return { url, path: `/tencent-callbacks/${token}` };
  }

  async function testSend(id: string) {
    const res = await call('POST', `/api/connectors/${id}/test-sends`, {
      phoneNumber: '+8613800138000',
      usageType: 'SignIn',
    });
    expect(res.statusCode, res.body).toBe(201);
    const send = res.json() as { id: string; tencent: { serialNo: string } };
    return { id: send.id, serialNo: send.tencent.serialNo };
  }

  const report = (sid: string, status: 'SUCCESS' | 'FAIL' = 'SUCCESS') => ({
    user_receive_time: '2026-12-03 22:03:04',
    nationcode: '86',
    mobile: '13800138000',
    report_status: status,
    errmsg: status === 'SUCCESS' ? 'DELIVRD' : 'MK:0001',
    description: status === 'SUCCESS' ? '用户短信送达成功' : '用户短信未送达',
    sid,
  });

  const deliveryOf = async (sendId: string) =>
    (await call('GET', `/api/test-sends/${sendId}`)).json().delivery as {
      status: string;
      description: string | null;
    };

  it('GET …/callback makes the URL once (audited) and answers the same one after; write:connectors only', async () => {
    const id = await connector();
    const first = await callbackUrl(id);
    expect(first.url).toMatch(/^https:\/\/smsdesk\.example\.com\/tencent-callbacks\/[A-Za-z0-9_-]{43}$/);
    expect((await callbackUrl(id)).url).toBe(first.url);
    const viewer = await stack.auth({ sub: 'user-viewer', scope: 'read:connectors' });
    expect((await call('GET', `/api/connectors/${id}/callback`, undefined, viewer)).statusCode).toBe(403);
    expect((await call('POST', `/api/connectors/${id}/callback-token`, undefined, viewer)).statusCode).toBe(
      403,
    );
    expect(
      (await call('GET', '/api/connectors/00000000-0000-4000-8000-000000000000/callback')).statusCode,
    ).toBe(404);
    const audit = (await call('GET', `/api/audit-events?connectorId=${id}`)).json().items as {
      action: string;
    }[];
    expect(audit.filter((e) => e.action === 'connector.callback_created')).toHaveLength(1);
  });

  it("takes Tencent's reports: the matching send is delivered, Tencent gets its OK, a repeat changes nothing", async () => {
    const id = await connector();
    const { path } = await callbackUrl(id);
    const delivered = await testSend(id);
    const failed = await testSend(id);
    expect((await deliveryOf(delivered.id)).status).toBe('pending');

    const body = [report(delivered.serialNo), report(failed.serialNo, 'FAIL'), report('2433:unknownserial')];
    const res = await call('POST', path, body, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ result: 0, errmsg: 'OK' });
    expect(await deliveryOf(delivered.id)).toMatchObject({ status: 'delivered', description: 'DELIVRD' });
    expect(await deliveryOf(failed.id)).toMatchObject({ status: 'failed', description: 'MK:0001' });

    // Idempotent: the same batch again, or a contradicting report later, leaves the first outcome.
    const again = await call('POST', path, [report(delivered.serialNo, 'FAIL')], {});
    expect(again.json()).toEqual({ result: 0, errmsg: 'OK' });
    expect((await deliveryOf(delivered.id)).status).toBe('delivered');
    // An empty batch is well-formed.
    expect((await call('POST', path, [], {})).json()).toEqual({ result: 0, errmsg: 'OK' });
  });

  it("a report reaches only sends on the token's SDK app; the answer never tells whether a serial exists", async () => {
    const mine = await connector();
    const res0 = await call('POST', '/api/connectors', {
      ...devConnectorBody(`Other account ${++count}`),
      accessKeyId: otherAccount.secretId,
      accessKeySecret: otherAccount.secretKey,
      sdkAppId: otherAccount.sdkAppId,
      signName: otherAccount.signName,
      templates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({
        usageType,
        templateCode: '100050',
      })),
    });
    expect(res0.statusCode, res0.body).toBe(201);
    const { path } = await callbackUrl(mine);
    const theirs = await testSend(res0.json().id);
    const res = await call('POST', path, [report(theirs.serialNo)], {});
    expect(res.json()).toEqual({ result: 0, errmsg: 'OK' });
    expect((await deliveryOf(theirs.id)).status).toBe('pending');
    // The update's own SDK-app scope holds too, without the serial filter the callback applies before it.
    const mySdkApp = (await call('GET', `/api/connectors/${mine}`)).json().sdkAppId as string;
    const pushed = {
      serialNo: theirs.serialNo,
      status: 'delivered' as const,
      description: 'X',
      receivedAt: null,
    };
    await applyDeliveryReports(stack.app.db.kysely, [pushed], { sdkAppId: mySdkApp });
    expect((await deliveryOf(theirs.id)).status).toBe('pending');
    const unknown = await call('POST', path, [report('2433:0000')], {});
    expect(unknown.body).toBe(res.body);
    // Another connector on the same SDK app is the same app at Tencent: its sends are reported here too.
    const sibling = await testSend(await connector());
    await call('POST', path, [report(sibling.serialNo)], {});
    expect((await deliveryOf(sibling.id)).status).toBe('delivered');
  });

  it('a wrong token is 404 (even with a malformed body); a malformed body with the right token is 400', async () => {
    const id = await connector();
    const { path } = await callbackUrl(id);
    const wrong = await call('POST', '/tencent-callbacks/not-a-token', [report('x')], {});
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('NOT_FOUND');
    expect((await call('POST', '/tencent-callbacks/not-a-token', { no: 'array' }, {})).statusCode).toBe(404);
    for (const bad of [
      { not: 'an array' },
      [{ ...report('x'), report_status: 'MAYBE' }],
      [{ ...report('x'), sid: undefined }],
      [{ ...report('x'), user_receive_time: 'yesterday' }],
    ]) {
      const res = await call('POST', path, bad, {});
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('rotating the token answers a new URL (audited); the old one is 404 from then on', async () => {
    const id = await connector();
    const old = await callbackUrl(id);
    const rotated = await call('POST', `/api/connectors/${id}/callback-token`);
    expect(rotated.statusCode).toBe(200);
    const next = rotated.json().url as string;
    tokens.push(next.split('/').pop()!);
    expect(next).not.toBe(old.url);
    expect((await callbackUrl(id)).url).toBe(next);
    expect((await call('POST', old.path, [], {})).statusCode).toBe(404);
    expect((await call('POST', new URL(next).pathname, [], {})).statusCode).toBe(200);
    const audit = (await call('GET', `/api/audit-events?connectorId=${id}`)).json().items as {
      action: string;
    }[];
    expect(audit.map((e) => e.action)).toContain('connector.callback_rotated');
  });

  it('end to end: the emulator pushes the report to the listening API and the send is delivered', async () => {
    const id = await connector();
    const { path } = await callbackUrl(id);
    await stack.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = stack.app.server.address() as AddressInfo;
    emu.changeSettings({ statusCallbackUrl: `http://127.0.0.1:${port}${path}` });
    const send = await testSend(id);
    await emu.settleCallbacks();
    expect(emu.callbacks()).toMatchObject([{ status: 200, reply: '{"result":0,"errmsg":"OK"}' }]);
    expect(await deliveryOf(send.id)).toMatchObject({ status: 'delivered', description: 'DELIVRD' });
  });
});
