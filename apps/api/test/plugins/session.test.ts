import { getClientCredentialsToken, devClients, type DevLogto } from '@smsdesk/dev-logto';
import { Signer } from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { SessionData } from '../../src/plugins/session.ts';
import { testConfig } from '../helpers/config.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { devUsers, logtoEnv, signInWithSession, startTestLogto } from '../helpers/session.ts';

const oldSecret = 'old-session-secret-0123456789-abcdefghijkl';
const newSecret = 'new-session-secret-0123456789-abcdefghijkl';
const resource = 'https://api.smsdesk.local';
/** @logto/client's key for the API resource's token in its access token map. */
const tokenKey = `@${resource}`;

const sidOf = (cookie: string) =>
  new Signer([newSecret, oldSecret]).unsign(decodeURIComponent(cookie.split('=')[1] ?? ''));

async function readSession(app: FastifyInstance, sid: string): Promise<SessionData> {
  return new Promise((resolve, reject) =>
    app.sessions.store.get(sid, (error: unknown, data?: unknown) =>
      error ? reject(error) : resolve(data as SessionData),
    ),
  );
}

/** Marks the session's cached API access token as expired, as an hour later would. */
async function expireAccessToken(app: FastifyInstance, sid: string) {
  const data = await readSession(app, sid);
  const map = JSON.parse(data.logto?.accessToken ?? '{}') as Record<string, { expiresAt: number }>;
  for (const entry of Object.values(map)) entry.expiresAt = Math.floor(Date.now() / 1000) - 60;
  data.logto = { ...data.logto, accessToken: JSON.stringify(map) };
  await app.sessions.save(sid, data);
}

/** Counts the token requests the API makes to Logto (the real fetch still runs). */
function countTokenRequests() {
  const realFetch = globalThis.fetch;
  const calls: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('/oidc/token')) calls.push(String(init?.body ?? ''));
    return realFetch(input, init);
  });
  return calls;
}

describe('the session reader for API requests', () => {
  let logto: DevLogto;
  let logtoDown = false;
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];
  const start = async (secrets: string) => {
    const app = await buildApp(testConfig({ ...logtoEnv(logto), ...database.env, SESSION_SECRET: secrets }));
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    logto = await startTestLogto();
    database = await createTestDatabase('sqlite');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    if (!logtoDown) await logto?.close();
    await database?.drop();
  });

  it('rotates secrets: a cookie signed with an older secret of the list works and is re-signed with the newest', async () => {
    const before = await start(oldSecret);
    const { cookie } = await signInWithSession(before, devUsers.admin);
    const rotated = await start(`${newSecret},${oldSecret}`);
    const res = await rotated.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const renewed = res.cookies.find((c) => c.name === 'smsdesk.sid');
    expect(renewed).toBeDefined();
    expect(new Signer(newSecret).unsign(renewed?.value ?? '').value).toBe(sidOf(cookie).value);
    expect(renewed?.httpOnly).toBe(true);

    const retired = await start(newSecret);
    const stale = await retired.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(stale.statusCode).toBe(401);
    const fresh = await retired.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `smsdesk.sid=${renewed?.value}` },
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('keeps the access token for the API resource from the callback: the first request needs no refresh', async () => {
    const app = await start(newSecret);
    const { cookie } = await signInWithSession(app, devUsers.viewer);
    const stored = await readSession(app, sidOf(cookie).value ?? '');
    expect(Object.keys(JSON.parse(stored.logto?.accessToken ?? '{}'))).toContain(tokenKey);
    const tokenRequests = countTokenRequests();
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(tokenRequests).toEqual([]);
  });

  it('refreshes an expired access token, saves it, and concurrent requests share one refresh', async () => {
    const app = await start(newSecret);
    const { cookie } = await signInWithSession(app, devUsers.admin);
    const sid = sidOf(cookie).value ?? '';
    await expireAccessToken(app, sid);
    const expired = JSON.parse((await readSession(app, sid)).logto?.accessToken ?? '{}');

    const tokenRequests = countTokenRequests();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toMatch(/grant_type=refresh_token/);

    const saved = JSON.parse((await readSession(app, sid)).logto?.accessToken ?? '{}');
    expect(saved[tokenKey].token).not.toBe(expired[tokenKey].token);
    expect(saved[tokenKey].expiresAt).toBeGreaterThan(Date.now() / 1000);
    const again = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(again.statusCode).toBe(200);
    expect(tokenRequests).toHaveLength(1);
  });

  it('answers 503 LOGTO_UNAVAILABLE with Retry-After when Logto is down, not "sign in again" (issue 16, item 10)', async () => {
    const app = await start(newSecret);
    const { cookie } = await signInWithSession(app, devUsers.admin);
    // The API has Logto's signing keys already (a bearer call), as a running API would.
    const token = await getClientCredentialsToken({
      endpoint: logto.endpoint,
      clientId: devClients.m2m.clientId,
      clientSecret: devClients.m2m.clientSecret,
      resource,
      scope: 'read:connectors',
    });
    const warm = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(warm.statusCode).toBe(200);
    await expireAccessToken(app, sidOf(cookie).value ?? '');
    await logto.close();
    logtoDown = true;

    const res = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('LOGTO_UNAVAILABLE');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // The session survived the outage: nothing was written over it.
    expect((await readSession(app, sidOf(cookie).value ?? '')).logto?.refreshToken).toBeTruthy();
  });
});
