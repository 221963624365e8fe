import type { DevLogto } from '@smsdesk/dev-logto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.ts';
import { testConfig } from '../../helpers/config.ts';
import { devUsers, logtoEnv, signInWithSession, startTestLogto } from '../../helpers/session.ts';

describe('the server-side sign-in flow (/auth/*)', () => {
  let logto: DevLogto;
  let app: FastifyInstance;

  beforeAll(async () => {
    logto = await startTestLogto();
    app = await buildApp(testConfig(logtoEnv(logto)));
  });
  afterAll(async () => {
    await app?.close();
    await logto?.close();
  });

  it('redirects /auth/sign-in to Logto with PKCE and the API resource, setting a safe session cookie', async () => {
    const res = await app.inject({ method: 'GET', url: '/auth/sign-in' });
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${logto.issuer}/auth`);
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
    const { cookie, landedOn } = await signInWithSession(app, devUsers.admin, '/connectors');
    expect(landedOn).toBe('/connectors');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ sub: 'dev-admin', clientId: 'smsdesk-web', authMethod: 'session' });
    expect(me.json().scopes).toEqual(
      expect.arrayContaining(['read:connectors', 'write:connectors', 'write:templates', 'send:sms']),
    );
  });

  it('gives the viewer only read:connectors', async () => {
    const { cookie } = await signInWithSession(app, devUsers.viewer);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ sub: 'dev-viewer', scopes: ['read:connectors'] });
  });

  it('refuses a callback without the pending sign-in', async () => {
    const res = await app.inject({ method: 'GET', url: '/auth/callback?code=abc&state=xyz' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('never redirects off-site after sign-in', async () => {
    const { landedOn } = await signInWithSession(app, devUsers.admin, '//evil.example/phish');
    expect(landedOn).toBe('/');
  });

  it('signs out of both sessions with a POST from the app: redirects to Logto end-session and the cookie no longer works', async () => {
    const { cookie } = await signInWithSession(app);
    const out = await app.inject({
      method: 'POST',
      url: '/auth/sign-out',
      headers: {
        cookie,
        origin: 'http://localhost:3000',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: '',
    });
    expect(out.statusCode).toBe(302);
    const location = new URL(out.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${logto.issuer}/session/end`);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:3000/');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('refuses a sign-out POST from another site or with no origin (CSRF), and the session lives on', async () => {
    const { cookie } = await signInWithSession(app);
    for (const headers of [
      { origin: 'https://evil.example' },
      { referer: 'https://evil.example/page' },
      {},
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/auth/sign-out',
        headers: { cookie, ...headers },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_REJECTED');
    }
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it("answers GET /auth/sign-out with a page whose button posts, in the reader's language, without signing out", async () => {
    const { cookie } = await signInWithSession(app);
    const page = await app.inject({ method: 'GET', url: '/auth/sign-out', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toMatch(/<form method="post" action="\/auth\/sign-out">/);
    expect(page.body).toContain('Sign out');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const zh = await app.inject({
      method: 'GET',
      url: '/auth/sign-out',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' },
    });
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('退出登录');
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  });
});
