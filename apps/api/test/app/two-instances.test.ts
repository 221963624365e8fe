// Issue 15: two API instances on one PostgreSQL database share it and nothing else. Two buildApp
// instances (own pools, own data folders, the same secrets) for the request-level properties; two real
// processes for the rolling restart. Skipped without TEST_DATABASE_URL (CI sets it).
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devClients, type DevLogto, getClientCredentialsToken } from '@smsdesk/dev-logto';
import type { NodeProcess } from '@smsdesk/test-support/node-process';
import { startTencentSmsEmulator, type TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createDb } from '../../src/db/database.ts';
import { createScheduler, type ScheduledJob } from '../../src/lib/scheduler.ts';
import { devConnectorBody } from '../fixtures/connectors.ts';
import { testConfig } from '../helpers/config.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startApiProcess } from '../helpers/server-process.ts';
import { devUsers, logtoEnv, signInWithSession, signOut, startTestLogto } from '../helpers/session.ts';
import { injectFault, requestCount } from '../helpers/emulator.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const silentLog = { info: () => {}, error: () => {} };

describe.skipIf(!onPostgres)('two instances on one PostgreSQL database (issue 15)', () => {
  let logto: DevLogto;
  let emu: TencentSmsEmulator;
  let database: TestDatabase;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let bearer: { authorization: string };
  /** What every instance shares: the database, the secrets, Logto and Tencent. Not the data folder. */
  let shared: Record<string, string>;
  const instanceEnv = () => ({ ...shared, DATA_DIR: mkdtempSync(join(tmpdir(), 'smsdesk-instance-')) });

  beforeAll(async () => {
    logto = await startTestLogto();
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    database = await createTestDatabase('postgres');
    shared = {
      ...logtoEnv(logto),
      ...database.env,
      TENCENT_SMS_ENDPOINT: emu.url,
      SMSDESK_SECRET_KEY: randomBytes(32).toString('base64'),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      TEST_SEND_LIMIT_PER_USER_PER_HOUR: '1000',
      TEST_SEND_LIMIT_PER_PHONE_PER_HOUR: '5',
      TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY: '1000',
    };
    delete shared.DATA_DIR;
    [a, b] = await Promise.all([buildApp(testConfig(instanceEnv())), buildApp(testConfig(instanceEnv()))]);
    const token = await getClientCredentialsToken({
      endpoint: logto.endpoint,
      clientId: devClients.m2m.clientId,
      clientSecret: devClients.m2m.clientSecret,
      resource: logto.resource,
      scope: 'read:connectors write:connectors write:templates send:sms',
    });
    bearer = { authorization: `Bearer ${token}` };
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await emu?.close();
    await logto?.close();
    await database?.drop();
  });

  async function createConnector(
    app: FastifyInstance,
    name: string,
  ): Promise<{ id: string; version: number }> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/connectors',
      payload: devConnectorBody(name),
      headers: bearer,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  it('shares sessions: signed in on A, the cookie works on B; signed out on B, it no longer works on A', async () => {
    const { cookie } = await signInWithSession(a, devUsers.admin);
    const onB = await b.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(onB.statusCode).toBe(200);
    expect(onB.json().sub).toEqual(expect.any(String));
    expect((await signOut(b, cookie)).statusCode).toBe(302);
    const onA = await a.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(onA.statusCode).toBe(401);
  });

  it('refuses to start an instance with another SMSDESK_SECRET_KEY on the same database', async () => {
    const other = { ...instanceEnv(), SMSDESK_SECRET_KEY: randomBytes(32).toString('base64') };
    await expect(buildApp(testConfig(other))).rejects.toThrow(
      /every instance on one database needs the same/,
    );
  });

  it('lets exactly one of 50 PATCHes with one ETag win, spread over both instances', async () => {
    const { id, version } = await createConnector(a, 'Raced over two');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? b : a).inject({
          method: 'PATCH',
          url: `/api/connectors/${id}`,
          payload: { description: `writer ${i}` },
          headers: { ...bearer, 'if-match': `W/"${version}"` },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(49);
    const winner = results.find((r) => r.statusCode === 200)?.json();
    const read = await b.inject({ method: 'GET', url: `/api/connectors/${id}`, headers: bearer });
    expect(read.json()).toMatchObject({ version: version + 1, description: winner.description });
  });

  it('sends exactly 5 of 30 parallel sends to one number over both instances with a limit of 5', async () => {
    const { id } = await createConnector(b, 'Limited over two');
    const before = await requestCount(emu, 'SendSms');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? b : a).inject({
          method: 'POST',
          url: `/api/connectors/${id}/test-sends`,
          payload: { phoneNumber: '+8613800138777', usageType: 'SignIn' },
          headers: bearer,
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(25);
    expect(results.filter((r) => r.statusCode === 201).every((r) => r.json().status === 'sent')).toBe(true);
    expect(await requestCount(emu, 'SendSms')).toBe(before + 5);
    const rows = await a.db.kysely
      .selectFrom('testSends')
      .select('id')
      .where('connectorId', '=', id)
      .execute();
    expect(rows).toHaveLength(5);
  });

  it("shows a connector changed on A in B's list within 1 s", async () => {
    const { id, version } = await createConnector(a, 'Seen on B');
    const listOnB = async () =>
      (await b.inject({ method: 'GET', url: '/api/connectors', headers: bearer })).json() as {
        items: Array<{ id: string; description?: string }>;
      };
    // B has answered the list before the change (a cache, if any, is warm).
    expect((await listOnB()).items.find((c) => c.id === id)?.description).toBeUndefined();
    const patched = await a.inject({
      method: 'PATCH',
      url: `/api/connectors/${id}`,
      payload: { description: 'changed on A' },
      headers: { ...bearer, 'if-match': `W/"${version}"` },
    });
    expect(patched.statusCode).toBe(200);
    const changedAt = performance.now();
    let seenAfter = Number.POSITIVE_INFINITY;
    while (performance.now() - changedAt < 2000) {
      if ((await listOnB()).items.find((c) => c.id === id)?.description === 'changed on A') {
        seenAfter = performance.now() - changedAt;
        break;
      }
    }
    expect(seenAfter).toBeLessThan(1000);
  });

  it('runs a scheduled job once per interval across two instances, never two at a time', async () => {
    const dbs = [createDb(testConfig(instanceEnv())), createDb(testConfig(instanceEnv()))];
    const starts: Array<{ at: number; on: number }> = [];
    let running = 0;
    let overlapped = false;
    const schedulers = dbs.map((db, on) => {
      const scheduler = createScheduler(db, silentLog);
      scheduler.add({
        name: 'counted',
        everyMs: 400,
        run: async () => {
          running += 1;
          if (running > 1) overlapped = true;
          starts.push({ at: Date.now(), on });
          await new Promise((resolve) => setTimeout(resolve, 50));
          running -= 1;
        },
      });
      return scheduler;
    });
    try {
      for (const s of schedulers) s.start();
      await new Promise((resolve) => setTimeout(resolve, 3000));
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
      await Promise.all(dbs.map((db) => db.close()));
    }
    expect(overlapped).toBe(false);
    // 3 s with a 400 ms interval: at most 8 runs (both instances together), at least 5 (each asks 4×).
    expect(starts.length).toBeGreaterThanOrEqual(5);
    expect(starts.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < starts.length; i += 1)
      expect(starts[i]!.at - starts[i - 1]!.at).toBeGreaterThanOrEqual(395);
    const row = await a.db.kysely
      .selectFrom('scheduledJobs')
      .selectAll()
      .where('name', '=', 'counted')
      .executeTakeFirstOrThrow();
    expect(row.runs).toBe(starts.length);
  });

  it('runs the job on the other instance when the holder dies mid-run (its connection goes away)', async () => {
    const dbs = [createDb(testConfig(instanceEnv())), createDb(testConfig(instanceEnv()))];
    const [holder, other] = dbs.map((db) => createScheduler(db, silentLog));
    let release: () => void = () => {};
    const hanging = new Promise<void>((resolve) => {
      release = resolve;
    });
    let ranOnOther = 0;
    const job = (run: () => Promise<unknown>): ScheduledJob => ({ name: 'survives', everyMs: 60_000, run });
    try {
      let started: () => void = () => {};
      const holding = new Promise<void>((resolve) => {
        started = resolve;
      });
      const first = holder!.runIfDue(
        job(async () => {
          started();
          await hanging;
        }),
      );
      await holding;
      const otherJob = job(async () => {
        ranOnOther += 1;
      });
      // While the holder runs it, the other instance skips it at once (no waiting on the lock).
      expect(await other!.runIfDue(otherJob)).toBe(false);
      // The holder's process dies: PostgreSQL sees its connection close (here: ends its backend).
      const killed = await sql<{ killed: boolean }>`
        select pg_terminate_backend(pid) as killed from pg_locks
        where locktype = 'advisory' and granted and objsubid = 1
          and database = (select oid from pg_database where datname = current_database())
          and classid = ((hashtextextended('scheduled-job:survives', 0) >> 32) & 4294967295)::text::oid
          and objid = (hashtextextended('scheduled-job:survives', 0) & 4294967295)::text::oid`.execute(
        a.db.kysely,
      );
      expect(killed.rows).toEqual([{ killed: true }]);
      release();
      await expect(first).rejects.toThrow();
      // The claim was rolled back with the dead transaction: the job is due, and runs on the other.
      expect(await other!.runIfDue(otherJob)).toBe(true);
      expect(ranOnOther).toBe(1);
      expect(await other!.runIfDue(otherJob)).toBe(false);
    } finally {
      release();
      await Promise.all(dbs.map((db) => db.close()));
    }
  });

  it('purges expired sessions from one instance per interval (the session-purge job)', async () => {
    const row = await a.db.kysely
      .selectFrom('scheduledJobs')
      .selectAll()
      .where('name', '=', 'session-purge')
      .executeTakeFirstOrThrow();
    // Both apps started together: the first ran the purge at start, the second found it not due.
    expect(row.runs).toBe(1);
    expect([a.scheduler.instance, b.scheduler.instance]).toContain(row.instance);
  });
});

describe.skipIf(!onPostgres)('a rolling restart of two API processes on one PostgreSQL (issue 15)', () => {
  let logto: DevLogto;
  let emu: TencentSmsEmulator;
  let database: TestDatabase;
  const procs: NodeProcess[] = [];

  beforeAll(async () => {
    logto = await startTestLogto();
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    for (const p of procs) await p.kill('SIGKILL');
    await emu?.close();
    await logto?.close();
    await database?.drop();
  });

  it('loses no acknowledged write and answers no 5xx while each instance in turn is restarted', async () => {
    const env = {
      ...logtoEnv(logto),
      ...database.env,
      TENCENT_SMS_ENDPOINT: emu.url,
      SMSDESK_SECRET_KEY: randomBytes(32).toString('base64'),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      SHUTDOWN_GRACE_MS: '300',
      SHUTDOWN_TIMEOUT_MS: '5000',
    };
    const start = async () => {
      // Through tsx, several starting at once on a loaded machine: 60 s for the first answer.
      const p = await startApiProcess(
        { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'smsdesk-rolling-')) },
        { timeoutMs: 60_000 },
      );
      procs.push(p);
      return p;
    };
    const token = await getClientCredentialsToken({
      endpoint: logto.endpoint,
      clientId: devClients.m2m.clientId,
      clientSecret: devClients.m2m.clientSecret,
      resource: logto.resource,
      scope: 'read:connectors write:connectors send:sms',
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // The load balancer: round robin over the instances whose readiness answered 200 at the last poll
    // (every 100 ms); a refused connection takes an instance out at once (nothing was sent: retry).
    const instances: NodeProcess[] = await Promise.all([start(), start()]);
    const ready = new Set(instances);
    let turn = 0;
    const statuses: number[] = [];
    let networkErrors = 0;
    async function send(path: string, init: RequestInit): Promise<Response> {
      for (;;) {
        const rotation = instances.filter((p) => ready.has(p));
        const target = rotation[turn++ % Math.max(rotation.length, 1)];
        if (!target) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        try {
          const res = await fetch(`${target.url}${path}`, {
            ...init,
            headers: { ...headers, ...(init.headers as Record<string, string>) },
          });
          statuses.push(res.status);
          return res;
        } catch (error) {
          const code = (error as { cause?: { code?: string } }).cause?.code;
          if (code === 'ECONNREFUSED') {
            ready.delete(target);
            continue;
          }
          networkErrors += 1;
          throw error;
        }
      }
    }
    let stopHealth = false;
    const health = (async () => {
      while (!stopHealth) {
        await Promise.all(
          instances.map(async (p) => {
            const ok = await fetch(`${p.url}/health/ready`).then(
              (r) => r.ok,
              () => false,
            );
            if (ok) ready.add(p);
            else ready.delete(p);
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    // Ten writers, each editing a connector of its own with If-Match: an acknowledged write is a 200.
    const owned: Array<{ id: string; version: number; acked: string[] }> = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await send('/api/connectors', {
        method: 'POST',
        body: JSON.stringify(devConnectorBody(`Rolling ${i}`)),
      });
      expect(res.status).toBe(201);
      const { id, version } = (await res.json()) as { id: string; version: number };
      owned.push({ id, version, acked: [] });
    }
    let writing = true;
    const writers = owned.map(async (mine, w) => {
      for (let n = 0; writing; n += 1) {
        const description = `writer ${w} write ${n}`;
        try {
          const res = await send(`/api/connectors/${mine.id}`, {
            method: 'PATCH',
            body: JSON.stringify({ description }),
            headers: { 'if-match': `W/"${mine.version}"` },
          });
          if (res.status === 200) {
            mine.version = ((await res.json()) as { version: number }).version;
            mine.acked.push(description);
            continue;
          }
          await res.text();
        } catch {
          // not acknowledged: the write may or may not have landed
        }
        for (;;) {
          try {
            const read = await send(`/api/connectors/${mine.id}`, { method: 'GET' });
            mine.version = ((await read.json()) as { version: number }).version;
            break;
          } catch {
            // a GET is safe to repeat
          }
        }
      }
    });

    // A rolling restart with a surge of one: each replacement is up before an old instance is signalled
    // (both start now, under the load, and join the rotation on their turn).
    const replacements = [start(), start()];
    const [connector] = owned;
    const restart = async () => {
      instances.push(await replacements.shift()!);
      const old = instances.shift()!;
      // A slow request in flight when the signal comes: Tencent takes 1.5 s to answer the send.
      await injectFault(emu, { kind: 'delay', delayMs: 1500, action: 'SendSms', count: 1 });
      const inFlight = fetch(`${old.url}/api/connectors/${connector!.id}/test-sends`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ phoneNumber: '+8613800138000', usageType: 'SignIn' }),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const signalled = performance.now();
      const exited = old.kill('SIGTERM');
      const slow = await inFlight;
      expect(slow.status).toBe(201);
      expect(((await slow.json()) as { status: string }).status).toBe('sent');
      expect(await exited).toBe(0);
      // Grace 300 ms + the 1.5 s send in flight take about 2 s; the bound is grace + SHUTDOWN_TIMEOUT_MS
      // (5.3 s), past which the process exits 1 (so exit 0 above says it drained in time). Under a loaded
      // machine the drain measured up to 4.8 s: only the bound itself is asserted.
      expect(performance.now() - signalled).toBeLessThan(300 + 5000);
    };
    await new Promise((resolve) => setTimeout(resolve, 700));
    await restart();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await restart();
    await new Promise((resolve) => setTimeout(resolve, 700));
    writing = false;
    await Promise.all(writers);
    stopHealth = true;
    await health;

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const totalAcked = owned.reduce((n, o) => n + o.acked.length, 0);
    expect(totalAcked).toBeGreaterThan(50);
    // Every acknowledged write is in the database. Each writer's PATCHes carry the version it last saw,
    // so a write acknowledged but not kept would leave the version short of the acknowledged count.
    const check = instances[0]!;
    const db = createDb(testConfig({ ...database.env }));
    try {
      for (const mine of owned) {
        const res = await fetch(`${check.url}/api/connectors/${mine.id}`, { headers });
        const now = (await res.json()) as { version: number; description?: string };
        expect(now.version - 1).toBeGreaterThanOrEqual(mine.acked.length);
        const audited = await db.kysely
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('connectorId', '=', mine.id)
          .where('action', '=', 'connector.updated')
          .executeTakeFirstOrThrow();
        expect(Number(audited.n)).toBe(now.version - 1);
        if (mine.version === now.version) expect(now.description).toBe(mine.acked.at(-1));
      }
    } finally {
      await db.close();
    }
    const byStatus = new Map<number, number>();
    for (const s of statuses) byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
    console.log(
      `rolling restart: ${statuses.length} answers (${[...byStatus].map(([s, n]) => `${s}: ${n}`).join(', ')}), ${totalAcked} acknowledged writes, ${networkErrors} connection errors`,
    );
  }, 120_000);
});
