import { devClients, devUsers, startDevLogto, type DevLogto } from '@smsdesk/dev-logto';
import { signInAt } from '@smsdesk/dev-logto/testing';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { testConfig } from './config.ts';

export { devUsers };

/** The settings that make the API's server-side flow talk to a dev-logto started by the test. */
export function logtoEnv(logto: DevLogto): Record<string, string> {
  return {
    LOGTO_ENDPOINT: logto.endpoint,
    LOGTO_APP_ID: devClients.web.clientId,
    LOGTO_APP_SECRET: devClients.web.clientSecret,
    BASE_URL: 'http://localhost:3000',
  };
}

export async function startTestLogto(): Promise<DevLogto> {
  const { generateSigningKey } = await import('@smsdesk/dev-logto');
  return startDevLogto({ port: 0, keys: [await generateSigningKey()] });
}

export function sessionCookieOf(res: { cookies: { name: string; value: string }[] }): string {
  const cookie = res.cookies.find((c) => c.name === 'smsdesk.sid');
  if (!cookie) throw new Error('no session cookie was set');
  return `smsdesk.sid=${cookie.value}`;
}

/** Signs in through /auth/sign-in → dev-logto's login form → /auth/callback, and returns the session cookie. */
export async function signInWithSession(
  app: FastifyInstance,
  user: { username: string; password: string } = devUsers.admin,
  returnTo = '/connectors',
  /** A cookie the browser already carries (e.g. one an attacker planted). */
  options: { cookie?: string } = {},
): Promise<{ cookie: string; landedOn: string }> {
  const start = await app.inject({
    method: 'GET',
    url: `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  expect(start.statusCode).toBe(302);
  const cookie = start.cookies.length ? sessionCookieOf(start) : (options.cookie ?? sessionCookieOf(start));
  const { callback } = await signInAt(start.headers.location as string, user.username, user.password);
  const done = await app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    headers: { cookie },
  });
  expect(done.statusCode).toBe(302);
  return {
    cookie: done.cookies.length ? sessionCookieOf(done) : cookie,
    landedOn: done.headers.location as string,
  };
}

/** A dev-logto and an app whose server-side flow signs in through it, both up for the suite around the call. */
export function useSessionApp(): { readonly logto: DevLogto; readonly app: FastifyInstance } {
  const suite = {} as { logto: DevLogto; app: FastifyInstance };
  beforeAll(async () => {
    suite.logto = await startTestLogto();
    suite.app = await buildApp(testConfig(logtoEnv(suite.logto)));
  });
  afterAll(async () => {
    await suite.app?.close();
    await suite.logto?.close();
  });
  return suite;
}

/** What the button of the sign-out page sends: an empty form POST from the app's own origin. */
export function signOut(app: FastifyInstance, cookie: string) {
  return app.inject({
    method: 'POST',
    url: '/auth/sign-out',
    headers: {
      cookie,
      origin: 'http://localhost:3000',
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: '',
  });
}

/** The cookie-session request from another site (by Origin, by Referer) and with neither: each is a 403. */
export async function expectCsrfRefused(
  app: FastifyInstance,
  request: Pick<InjectOptions, 'method' | 'url' | 'payload'>,
  cookie: string,
): Promise<void> {
  for (const headers of [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page' }, {}]) {
    const res = await app.inject({ ...request, headers: { cookie, ...headers } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
  }
}
