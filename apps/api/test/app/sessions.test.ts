import type { DevLogto } from '@smsdesk/dev-logto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { deleteExpiredSessions } from '../../src/db/session-store.ts';
import { testConfig } from '../helpers/config.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.ts';
import { devUsers, logtoEnv, signInWithSession, startTestLogto } from '../helpers/session.ts';

const minute = 60_000;

describe.each(databaseKinds)('the sessions table on %s (issue 16, item 4)', (kind) => {
  let logto: DevLogto;
  let database: TestDatabase;
  let app: FastifyInstance;
  const env = () => ({ ...logtoEnv(logto), ...database.env });
  const rows = () => app.db.kysely.selectFrom('sessions').select(['sid', 'data', 'expiresAt']).execute();

  beforeAll(async () => {
    logto = await startTestLogto();
    database = await createTestDatabase(kind);
    app = await buildApp(testConfig(env()));
  });
  afterAll(async () => {
    await app?.close();
    await logto?.close();
    await database?.drop();
  });

  it('keeps an anonymous visitor small and short-lived, and the purge leaves only signed-in sessions', async () => {
    const { cookie } = await signInWithSession(app, devUsers.admin);
    const before = Date.now();
    const visits = 300;
    for (let i = 0; i < visits; i++) {
      const res = await app.inject({ method: 'GET', url: '/auth/sign-in' });
      expect(res.statusCode).toBe(302);
    }
    const all = await rows();
    expect(all).toHaveLength(visits + 1);
    const pending = all.filter((r) => Date.parse(r.expiresAt) < before + 60 * minute);
    expect(pending).toHaveLength(visits);
    for (const row of pending) {
      expect(Date.parse(row.expiresAt)).toBeLessThanOrEqual(Date.now() + 10 * minute);
      expect(row.data.length).toBeLessThan(1024);
    }
    const signedIn = all.find((r) => !pending.includes(r));
    expect(Date.parse(signedIn?.expiresAt ?? '')).toBeGreaterThan(before + 6 * 24 * 60 * minute);

    // Eleven minutes later the purge leaves the table as it was before the visits.
    const deleted = await deleteExpiredSessions(app.db.kysely, Date.now() + 11 * minute);
    expect(deleted).toBe(visits);
    expect(await rows()).toHaveLength(1);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('deletes expired sessions at start and on its schedule', async () => {
    const expired = { data: 'x', expiresAt: new Date(Date.now() - minute).toISOString() };
    await app.db.kysely
      .insertInto('sessions')
      .values({ sid: 'expired-at-start', ...expired })
      .execute();
    // The purge runs at start when it is due across instances (lib/scheduler.ts): the suite's own app ran
    // it at its start, maybe less than the restarted app's one-second interval ago. The restart comes later.
    await app.db.kysely
      .updateTable('scheduledJobs')
      .set({ lastRunAt: new Date(Date.now() - 60 * minute).toISOString() })
      .where('name', '=', 'session-purge')
      .execute();
    const restarted = await buildApp(testConfig({ ...env(), SESSION_PURGE_INTERVAL_SECONDS: '1' }));
    try {
      const atStart = await restarted.db.kysely.selectFrom('sessions').select('sid').execute();
      expect(atStart.map((r) => r.sid)).not.toContain('expired-at-start');
      await restarted.db.kysely
        .insertInto('sessions')
        .values({ sid: 'expired-later', ...expired })
        .execute();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const later = await restarted.db.kysely.selectFrom('sessions').select('sid').execute();
      expect(later.map((r) => r.sid)).not.toContain('expired-later');
    } finally {
      await restarted.close();
    }
  });

  it('stores the Logto tokens encrypted: no token, no JSON in the row', async () => {
    const { cookie } = await signInWithSession(app, devUsers.viewer);
    const sid = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';
    const row = (await rows()).find((r) => r.sid === sid);
    expect(row?.data).toMatch(/^v1\./);
    expect(row?.data).not.toMatch(/refreshToken|idToken|eyJ/);
  });
});
