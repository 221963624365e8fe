import { startTencentSmsEmulator, type TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDayStart } from '../../../src/modules/phone-usage/service.ts';
import { devConnectorBody } from '../../fixtures/connectors.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startTestStack, type TestStack } from '../../helpers/stack.ts';
import { generousLimits } from '../test-sends/harness.ts';

describe("Tencent's day is China's", () => {
  it('starts at 16:00 UTC', () => {
    expect(chinaDayStart(new Date('2026-12-03T15:59:59Z')).toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(chinaDayStart(new Date('2026-12-03T16:00:00Z')).toISOString()).toBe('2026-12-03T16:00:00.000Z');
  });
});

describe.each(databaseKinds)('phone usage before a test send on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;
  let admin: { authorization: string };

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ reviewDelayMs: null, limits: false });
    stack = await startTestStack(kind, { TENCENT_SMS_ENDPOINT: emu.url, ...generousLimits });
    admin = await stack.auth({ sub: 'user-admin' });
  });
  afterAll(async () => {
    // The number travels in the query string, which no log line carries.
    expect(stack.logLines.some((l) => l.includes('13800138011'))).toBe(false);
    await stack?.close();
    await emu?.close();
  });

  const create = async (change: Record<string, unknown> = {}) => {
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: admin,
      payload: { ...devConnectorBody(`Usage ${Math.random()}`), ...change },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const send = async (id: string, phoneNumber: string) => {
    const res = await stack.app.inject({
      method: 'POST',
      url: `/api/connectors/${id}/test-sends`,
      headers: admin,
      payload: { phoneNumber, usageType: 'SignIn' },
    });
    expect(res.statusCode).toBe(201);
    return res.json().status as string;
  };
  const usage = (id: string, phoneNumber: string, headers = admin) =>
    stack.app.inject({
      method: 'GET',
      url: `/api/connectors/${id}/phone-usage?phoneNumber=${encodeURIComponent(phoneNumber)}`,
      headers,
    });

  it("shows Tencent's defaults and counts today's accepted sends to the number on the SDK app", async () => {
    const id = await create();
    const sibling = await create();
    const broken = await create({ signName: 'nosuchsign' });
    expect(await send(id, '+8613800138011')).toBe('sent');
    expect(await send(sibling, '13800138011')).toBe('sent');
    expect(await send(broken, '+8613800138011')).toBe('failed');
    await send(id, '+8613800138012');

    const res = await usage(id, '+86 138 0013 8011');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      phoneNumberMasked: expect.stringContaining('8011'),
      tencentLimits: { sameContentSeconds: 30, perDay: 10 },
      // Both connectors share the dev SDK app, as Tencent counts; the refused send is not counted.
      sentToday: 2,
      remainingToday: 8,
    });
    expect(body.tencentLimits.note).toContain('10 messages per natural day');
    expect(Date.parse(body.lastSentAt)).toBeGreaterThan(Date.parse(body.tencentLimits.dayStartedAt));
    expect((await usage(id, '+8613800138099')).json()).toMatchObject({ sentToday: 0, lastSentAt: null });
  });

  it('400 for a number that is not one, naming the query field; 403 without send:sms', async () => {
    const id = await create();
    const bad = await usage(id, '12');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('querystring.phoneNumber');
    const viewer = await stack.auth({ sub: 'user-viewer', scope: 'read:connectors' });
    expect((await usage(id, '+8613800138011', viewer)).statusCode).toBe(403);
  });
});
