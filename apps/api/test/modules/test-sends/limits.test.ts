import { startTencentSmsEmulator, type TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../../fixtures/connectors.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startTestStack, type TestStack } from '../../helpers/stack.ts';
import { generousLimits } from '../../helpers/config.ts';
import { injectFault, requestCount } from '../../helpers/emulator.ts';

describe.each(databaseKinds)('test send limits on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;

  beforeAll(async () => {
    // Tencent's own per-number limit at 1 an hour, so its refusal can be seen before smsdesk's (2).
    emu = await startTencentSmsEmulator({
      port: 0,
      reviewDelayMs: null,
      limits: { hourly: 1, sameContentSeconds: 0, daily: 0 },
    });
    stack = await startTestStack(kind, {
      TENCENT_SMS_ENDPOINT: emu.url,
      TEST_SEND_LIMIT_PER_USER_PER_HOUR: '3',
      TEST_SEND_LIMIT_PER_PHONE_PER_HOUR: '2',
      TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY: '4',
    });
  });
  afterAll(async () => {
    await stack?.close();
    await emu?.close();
  });

  async function connector(name: string): Promise<string> {
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      payload: devConnectorBody(name),
      headers: await stack.auth(),
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  async function send(connectorId: string, sub: string, phoneNumber: string) {
    return stack.app.inject({
      method: 'POST',
      url: `/api/connectors/${connectorId}/test-sends`,
      payload: { phoneNumber, usageType: 'SignIn' },
      headers: await stack.auth({ sub }),
    });
  }

  function expectLimited(
    res: Awaited<ReturnType<typeof send>>,
    limit: string,
    max: number,
    windowSeconds: number,
  ) {
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { limit, max, windowSeconds } });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(windowSeconds - 60);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  }

  it("records Tencent's frequency refusal as a failed send, then applies its own limits per number, user and connector", async () => {
    const id = await connector('Limited');
    const sendsBefore = await requestCount(emu, 'SendSms');

    expect((await send(id, 'alice', '+8613800138000')).json().status).toBe('sent');
    const tencentLimited = await send(id, 'alice', '+8613800138000');
    expect(tencentLimited.statusCode).toBe(201);
    expect(tencentLimited.json()).toMatchObject({
      status: 'failed',
      tencent: { code: 'LimitExceeded.PhoneNumberOneHourLimit' },
    });
    expect(tencentLimited.json().guidance).toContain('+86 138****8000 reached the hourly SMS limit');

    expectLimited(await send(id, 'bob', '+8613800138000'), 'phone', 2, 3600);
    expect((await send(id, 'alice', '+8613900139000')).statusCode).toBe(201);
    expectLimited(await send(id, 'alice', '+8613700137000'), 'user', 3, 3600);
    expect((await send(id, 'bob', '+8613600136000')).statusCode).toBe(201);
    expectLimited(await send(id, 'carol', '+8613500135000'), 'connector', 4, 86_400);

    // Checked before Tencent: the three refused requests never reached it.
    expect(await requestCount(emu, 'SendSms')).toBe(sendsBefore + 4);
    const rows = await stack.app.db.kysely
      .selectFrom('testSends')
      .select('id')
      .where('connectorId', '=', id)
      .execute();
    expect(rows).toHaveLength(4);
  });

  it('holds a limit against parallel requests, exactly: no more, and no false refusals', async () => {
    const id = await connector('Raced');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => send(id, 'dave', `+861590000000${i}`)),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c !== 201).every((c) => c === 429)).toBe(true);
    const rows = await stack.app.db.kysely
      .selectFrom('testSends')
      .select('id')
      .where('actor', '=', 'dave')
      .execute();
    expect(rows.length).toBe(codes.filter((c) => c === 201).length);
  });
});

describe.each(databaseKinds)('a Tencent timeout on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    stack = await startTestStack(kind, {
      TENCENT_SMS_ENDPOINT: emu.url,
      TENCENT_SMS_TIMEOUT_MS: '500',
      ...generousLimits,
    });
  });
  afterAll(async () => {
    await stack?.close();
    await emu?.close();
  });

  it('records one failed send and sends exactly one SendSms: never retried', async () => {
    const admin = await stack.auth();
    const created = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      payload: devConnectorBody('Slow'),
      headers: admin,
    });
    const connectorId = created.json().id;
    await injectFault(emu, { kind: 'delay', delayMs: 3000, action: 'SendSms' });

    const started = Date.now();
    const res = await stack.app.inject({
      method: 'POST',
      url: `/api/connectors/${connectorId}/test-sends`,
      payload: { phoneNumber: '+8613800138000', usageType: 'SignIn' },
      headers: admin,
    });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'failed',
      tencent: { code: 'TENCENT_TIMEOUT', serialNo: null, requestId: null },
      delivery: { status: 'failed' },
    });
    expect(res.json().guidance).toContain('check the phone before sending again');

    // Long enough for a retry to have shown up at the emulator.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await requestCount(emu, 'SendSms')).toBe(1);
    const list = await stack.app.inject({ method: 'GET', url: '/api/test-sends', headers: admin });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ id: res.json().id, status: 'failed' });
  });
});

describe.each(databaseKinds)('parallel test sends to one number on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    stack = await startTestStack(kind, {
      TENCENT_SMS_ENDPOINT: emu.url,
      TEST_SEND_LIMIT_PER_USER_PER_HOUR: '1000',
      TEST_SEND_LIMIT_PER_PHONE_PER_HOUR: '5',
      TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY: '1000',
    });
  });
  afterAll(async () => {
    await stack?.close();
    await emu?.close();
  });

  it('sends exactly 5 of 30 with a limit of 5: contention is never answered as over the limit', async () => {
    const created = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      payload: devConnectorBody('Contended'),
      headers: await stack.auth(),
    });
    const id = created.json().id;
    const headers = await stack.auth({ sub: 'erin' });
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        stack.app.inject({
          method: 'POST',
          url: `/api/connectors/${id}/test-sends`,
          payload: { phoneNumber: '+8613800138555', usageType: 'SignIn' },
          headers,
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(25);
    expect(results.filter((r) => r.statusCode === 201).every((r) => r.json().status === 'sent')).toBe(true);
    expect(await requestCount(emu, 'SendSms')).toBe(5);
  });
});
