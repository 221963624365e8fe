import { startTencentSmsEmulator, type TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../fixtures/connectors.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';

// What `curl -X POST -H 'content-type: application/json'` sends to a route that takes no body.
describe('an empty body sent as application/json', () => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;
  let admin: { authorization: string };

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    stack = await startTestStack('sqlite', { TENCENT_SMS_ENDPOINT: emu.url });
    admin = await stack.auth({ sub: 'user-admin' });
  });
  afterAll(async () => {
    await stack?.close();
    await emu?.close();
  });

  it('is accepted by a route without a body (POST …/check)', async () => {
    const created = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: admin,
      payload: devConnectorBody('Empty body'),
    });
    expect(created.statusCode).toBe(201);
    const res = await stack.app.inject({
      method: 'POST',
      url: `/api/connectors/${created.json().id}/check`,
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: expect.any(Boolean), usageTypes: expect.any(Array) });
  });

  it('still answers a route that needs a body with its validation 400, and bad JSON with a 400', async () => {
    const empty = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('VALIDATION_FAILED');
    const broken = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(broken.statusCode).toBe(400);
    const poisoned = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '{"__proto__": {"admin": true}}',
    });
    expect(poisoned.statusCode).toBe(400);
  });
});
