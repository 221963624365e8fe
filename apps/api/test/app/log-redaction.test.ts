import { Writable } from 'node:stream';
import type { DevLogto } from '@smsdesk/dev-logto';
import { signInAt } from '@smsdesk/dev-logto/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loggerOptions } from '../../src/app.ts';
import { devConnectorBody } from '../fixtures/connectors.ts';
import { testConfig } from '../helpers/config.ts';
import { startTestStack } from '../helpers/stack.ts';
import { devUsers, logtoEnv, sessionCookieOf, startTestLogto } from '../helpers/session.ts';

// Issue 16, item 11 and "the OAuth code never appears in a log line": the production redaction, at trace.
describe('log redaction', () => {
  let logto: DevLogto;
  const lines: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    logto = await startTestLogto();
    const config = testConfig(logtoEnv(logto));
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    app = await buildApp(config, { logger: { ...loggerOptions(config), level: 'trace', stream } });
  });
  afterAll(async () => {
    await app?.close();
    await logto?.close();
  });

  it('keeps the code of an error logged for a 500', async () => {
    // The database refuses the insert with an error of its own (SQLITE_CONSTRAINT_TRIGGER): a 500 whose
    // log line must still say which code it was.
    const stack = await startTestStack('sqlite');
    try {
      await sql`create trigger refuse before insert on connectors begin select raise(abort, 'refused'); end`.execute(
        stack.app.db.kysely,
      );
      const res = await stack.app.inject({
        method: 'POST',
        url: '/api/connectors',
        headers: { ...(await stack.auth()), 'x-request-id': 'busy-request-1' },
        payload: devConnectorBody('Refused by the database'),
      });
      expect(res.statusCode).toBe(500);
      const logged = stack.logLines
        .flatMap((l) => l.split('\n').filter(Boolean))
        .map((l) => JSON.parse(l) as { reqId?: string; err?: { code?: string } })
        .filter((l) => l.reqId === 'busy-request-1' && l.err);
      expect(logged.length).toBeGreaterThan(0);
      for (const line of logged) expect(line.err?.code).toBe('SQLITE_CONSTRAINT_TRIGGER');
    } finally {
      await stack.close();
    }
  });

  it('never writes the OAuth authorization code of a real sign-in, at any level', async () => {
    const start = await app.inject({ url: '/auth/sign-in?returnTo=%2F' });
    const cookie = sessionCookieOf(start);
    const { callback } = await signInAt(
      start.headers.location as string,
      devUsers.admin.username,
      devUsers.admin.password,
    );
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();
    const from = lines.length;
    const done = await app.inject({ url: callback.pathname + callback.search, headers: { cookie } });
    expect(done.statusCode).toBe(302);
    const written = lines.slice(from);
    expect(written.some((l) => l.includes('/auth/callback'))).toBe(true); // the debug line is there…
    for (const line of written) expect(line).not.toContain(code as string); // …without the code
  });

  it('redacts a verification code in a logged body', () => {
    const from = lines.length;
    app.log.info({ body: { code: '123456' }, send: { TemplateParamSet: ['654321'] } }, 'a body');
    const line = lines.slice(from).join('\n');
    expect(line).not.toContain('123456');
    expect(line).not.toContain('654321');
    expect(line).toContain('[redacted]');
  });
});
