import { describe, expect, it } from 'vitest';
import {
  devUsers,
  expectCsrfRefused,
  signInWithSession,
  signOut,
  useSessionApp,
} from '../../helpers/session.ts';

describe('the server-side sign-in flow (/auth/*)', () => {
  const suite = useSessionApp();

  it('redirects /auth/sign-in to Logto with PKCE and the API resource, setting a safe session cookie', async () => {
    const res = await suite.app.inject({ method: 'GET', url: '/auth/sign-in' });
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${suite.logto.issuer}/auth`);
    expect(location.searchParams.get('client_id')).toBe('smsdesk-web');
    expect(location.searchParams.get('redirect_uri')).toBe('http://localhost:3000/auth/callback');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.getAll('resource')).toContain('https://api.smsdesk.local');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^smsdesk\.sid=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
  });

  it('signs in as admin, lands on returnTo, and authorizes the session like a bearer token', async () => {
    const { cookie, landedOn } = await signInWithSession(suite.app, devUsers.admin, '/connectors');
    expect(landedOn).toBe('/connectors');
    const me = await suite.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ sub: 'dev-admin', clientId: 'smsdesk-web', authMethod: 'session' });
    expect(me.json().scopes).toEqual(
      expect.arrayContaining(['read:connectors', 'write:connectors', 'write:templates', 'send:sms']),
    );
  });

  it('gives the viewer only read:connectors', async () => {
    const { cookie } = await signInWithSession(suite.app, devUsers.viewer);
    const me = await suite.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ sub: 'dev-viewer', scopes: ['read:connectors'] });
  });

  it('refuses a callback without the pending sign-in', async () => {
    const res = await suite.app.inject({ method: 'GET', url: '/auth/callback?code=abc&state=xyz' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('never redirects off-site after sign-in', async () => {
    const { landedOn } = await signInWithSession(suite.app, devUsers.admin, '//evil.example/phish');
    expect(landedOn).toBe('/');
  });

  it('signs out of both sessions with a POST from the app: redirects to Logto end-session and the cookie no longer works', async () => {
    const { cookie } = await signInWithSession(suite.app);
    const out = await signOut(suite.app, cookie);
    expect(out.statusCode).toBe(302);
    const location = new URL(out.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${suite.logto.issuer}/session/end`);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:3000/');
    const me = await suite.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('refuses a sign-out POST from another site or with no origin (CSRF), and the session lives on', async () => {
    const { cookie } = await signInWithSession(suite.app);
    await expectCsrfRefused(suite.app, { method: 'POST', url: '/auth/sign-out' }, cookie);
    expect((await suite.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
  });

  it("answers GET /auth/sign-out with a page whose button posts, in the reader's language, without signing out", async () => {
    const { cookie } = await signInWithSession(suite.app);
    const page = await suite.app.inject({ method: 'GET', url: '/auth/sign-out', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toMatch(/<form method="post" action="\/auth\/sign-out">/);
    expect(page.body).toContain('Sign out');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const zh = await suite.app.inject({
      method: 'GET',
      url: '/auth/sign-out',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' },
    });
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('退出登录');
    expect((await suite.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
  });
});
