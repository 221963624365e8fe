import { describe, expect, it } from 'vitest';
import { devUsers, sessionCookieOf, signInWithSession, useSessionApp } from '../../helpers/session.ts';

describe('session fixation (issue 16, item 3)', () => {
  const suite = useSessionApp();

  it('gives the signed-in session a new id: the cookie planted before the sign-in stays anonymous', async () => {
    const attacker = await suite.app.inject({ method: 'GET', url: '/auth/sign-in' });
    const planted = sessionCookieOf(attacker);
    const victim = await signInWithSession(suite.app, devUsers.admin, '/', { cookie: planted });
    expect(victim.cookie).not.toBe(planted);

    const asAttacker = await suite.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: planted },
    });
    expect(asAttacker.statusCode).toBe(401);
    const asVictim = await suite.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: victim.cookie },
    });
    expect(asVictim.statusCode).toBe(200);
    expect(asVictim.json()).toMatchObject({ sub: 'dev-admin', authMethod: 'session' });
  });

  it('keeps only the tokens: the pending sign-in and returnTo do not survive into the new session', async () => {
    const { cookie } = await signInWithSession(suite.app, devUsers.viewer, '/connectors');
    const sid = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';
    const data = await new Promise<Record<string, unknown>>((resolve, reject) =>
      suite.app.sessions.store.get(sid, (error: unknown, session?: unknown) =>
        error ? reject(error) : resolve(session as Record<string, unknown>),
      ),
    );
    expect(Object.keys(data).sort()).toEqual(['cookie', 'logto']);
    expect(Object.keys(data.logto as object).sort()).toEqual(['accessToken', 'idToken', 'refreshToken']);
  });
});
