import { type TencentSmsEmulator, startTencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../../fixtures/connectors.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startTestStack, type TestStack } from '../../helpers/stack.ts';

interface Event {
  action: string;
  detail?: string;
  outcome: string;
  actor: string;
}

/**
 * A change at Tencent is never left without its audit record: the intent is written before the change,
 * its outcome after, and a failure after Tencent succeeded cannot take the record with it.
 */
describe.each(databaseKinds)('audit outcomes on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;
  let admin: { authorization: string };
  let count = 0;

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    stack = await startTestStack(kind, { TENCENT_SMS_ENDPOINT: emu.url, TENCENT_SMS_TIMEOUT_MS: '300' });
    admin = await stack.auth({ sub: 'user-admin' });
  });
  beforeEach(() => emu.reset());
  afterAll(async () => {
    await stack?.close();
    await emu?.close();
  });

  async function connector() {
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: admin,
      payload: devConnectorBody(`Audit outcome ${++count}`),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string };
  }

  async function events(connectorId: string): Promise<Event[]> {
    const res = await stack.app.inject({
      url: `/api/audit-events?connectorId=${connectorId}`,
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  }

  const createTemplate = (id: string, name: string) =>
    stack.app.inject({
      method: 'POST',
      url: `/api/connectors/${id}/templates`,
      headers: admin,
      payload: { name, content: 'Your code is {1}.' },
    });

  it('keeps the record of a template Tencent created when the local write after it fails', async () => {
    const { id } = await connector();
    const db = stack.app.db.kysely;
    await sql`alter table template_sms_types rename to template_sms_types_away`.execute(db);
    try {
      const res = await createTemplate(id, 'Created then lost locally');
      expect(res.statusCode).toBe(500);
    } finally {
      await sql`alter table template_sms_types_away rename to template_sms_types`.execute(db);
    }
    const added = emu.requests('AddSmsTemplate');
    expect(added).toHaveLength(1);
    const created = (await events(id)).find((e) => e.action === 'template.created');
    expect(created).toMatchObject({ outcome: 'succeeded', actor: 'user-admin' });
    expect(created?.detail).toMatch(/^template \d+ "Created then lost locally"$/);
  });

  it('marks a change Tencent refused as failed, with the code', async () => {
    const { id } = await connector();
    emu.injectFault({
      kind: 'error',
      action: 'AddSmsTemplate',
      code: 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
    });
    const res = await createTemplate(id, 'Refused');
    expect(res.statusCode).toBe(422);
    const created = (await events(id)).find((e) => e.action === 'template.created');
    expect(created).toMatchObject({ outcome: 'failed' });
    expect(created?.detail).toContain('failed: TENCENT_REJECTED');
  });

  it('leaves a change whose answer never came as pending: it may have happened at Tencent', async () => {
    const { id } = await connector();
    emu.injectFault({ kind: 'delay', action: 'AddSmsTemplate', delayMs: 1500 });
    const res = await createTemplate(id, 'Timed out');
    expect(res.statusCode).toBe(504);
    const created = (await events(id)).find((e) => e.action === 'template.created');
    expect(created).toMatchObject({ outcome: 'pending', detail: 'template "Timed out"' });
  });

  it('keeps the intent as pending, and logs why, when the outcome cannot be written', async () => {
    const { id } = await connector();
    const db = stack.app.db.kysely;
    const result = await stack.app.audit.attempt(
      {
        connectorId: id,
        connectorName: 'x',
        actor: 'user-admin',
        action: 'template.deleted',
        detail: 'intent',
      },
      async () => {
        // The remote change succeeds, then the outcome's write fails.
        await sql`alter table audit_events rename to audit_events_away`.execute(db);
        return 'done';
      },
    );
    await sql`alter table audit_events_away rename to audit_events`.execute(db);
    expect(result).toBe('done');
    expect((await events(id)).find((e) => e.action === 'template.deleted')).toMatchObject({
      outcome: 'pending',
      detail: 'intent',
    });
    expect(stack.logLines.some((l) => l.includes('could not mark the outcome of an audit event'))).toBe(true);
  });

  it('writes a test send as pending before Tencent is asked, then marks it', async () => {
    const { id } = await connector();
    let seenDuringSend: Event | undefined;
    emu.injectFault({ kind: 'delay', action: 'SendSms', delayMs: 100 });
    const sending = stack.app.inject({
      method: 'POST',
      url: `/api/connectors/${id}/test-sends`,
      headers: admin,
      payload: { usageType: 'SignIn', phoneNumber: '+8613800138000' },
    });
    for (let i = 0; i < 50 && !seenDuringSend; i++) {
      await new Promise((r) => setTimeout(r, 10));
      seenDuringSend = (await events(id)).find((e) => e.action === 'test_send.sent');
    }
    const res = await sending;
    expect(res.statusCode).toBe(201);
    expect(seenDuringSend).toMatchObject({ outcome: 'pending' });
    expect(seenDuringSend?.detail).toContain(': sending');
    const done = (await events(id)).find((e) => e.action === 'test_send.sent');
    expect(done).toMatchObject({ outcome: 'succeeded' });
    expect(done?.detail).toMatch(/: sent$/);
  });
});
