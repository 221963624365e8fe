import { Writable } from 'node:stream';
import type { DevLogto } from '@smsdesk/dev-logto';
import { devAccount } from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loggerOptions } from '../../src/app.ts';
import { devConnectorBody } from '../fixtures/connectors.ts';
import { testConfig } from '../helpers/config.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.ts';
import { expectCsrfRefused, logtoEnv, signInWithSession, startTestLogto } from '../helpers/session.ts';

describe.each(databaseKinds)('a restart on %s', (kind) => {
  let logto: DevLogto;
  let database: TestDatabase;
  const logLines: string[] = [];
  const env = () => ({ ...logtoEnv(logto), ...database.env });
  const start = () => {
    const config = testConfig({ ...env(), WEB_ORIGIN: 'http://localhost:5173' });
    const stream = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    return buildApp(config, { logger: { ...loggerOptions(config), level: 'trace', stream } });
  };

  beforeAll(async () => {
    logto = await startTestLogto();
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await logto?.close();
    await database?.drop();
  });

  it('keeps connectors and signed-in sessions, and logs no secret', async () => {
    const first = await start();
    const { cookie } = await signInWithSession(first);
    const created = await first.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: { cookie, origin: 'http://localhost:3000' },
      payload: devConnectorBody('Survivor'),
    });
    expect(created.statusCode).toBe(201);
    await first.close();

    const second = await start();
    const me = await second.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ sub: 'dev-admin', authMethod: 'session' });
    const list = await second.inject({ method: 'GET', url: '/api/connectors', headers: { cookie } });
    expect(list.json().items.map((c: { name: string }) => c.name)).toEqual(['Survivor']);
    await second.close();

    expect(logLines.length).toBeGreaterThan(10);
    const leaked = logLines.filter(
      (l) => l.includes(devAccount.secretKey) || l.includes('smsdesk-web-secret'),
    );
    expect(leaked).toEqual([]);
  });

  it('refuses an unsafe method on a cookie session from another origin (CSRF)', async () => {
    const app = await start();
    const { cookie } = await signInWithSession(app);
    await expectCsrfRefused(
      app,
      { method: 'POST', url: '/api/connectors', payload: devConnectorBody('Forged') },
      cookie,
    );
    const fromSpa = await app.inject({
      method: 'POST',
      url: '/api/connectors',
      headers: { cookie, origin: 'http://localhost:5173' },
      payload: devConnectorBody('Legit'),
    });
    expect(fromSpa.statusCode).toBe(201);
    await app.close();
  });
});
