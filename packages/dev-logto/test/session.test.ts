import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DevLogto,
  defaultResource,
  devClients,
  devUsers,
  generateSigningKey,
  startDevLogto,
} from '../src/index.ts';
import {
  authorizeUrl,
  type CookieJar,
  follow,
  formAction,
  hiddenInputs,
  pkcePair,
  postForm,
  signIn,
} from '../src/testing.ts';

let logto: DevLogto;
const extraOrigin = 'http://127.0.0.1:4999';

beforeAll(async () => {
  logto = await startDevLogto({
    port: 0,
    keys: [await generateSigningKey()],
    extraRedirectOrigins: [extraOrigin],
  });
});
afterAll(() => logto.close());

const spaRequest = (challenge: string, redirectUri: string = devClients.spa.redirectUris[0]) => ({
  issuer: logto.issuer,
  clientId: devClients.spa.clientId,
  redirectUri,
  scope: 'openid offline_access profile read:connectors',
  resource: defaultResource,
  challenge,
});

/** What @logto/js does on sign-out: a top-level navigation to session/end; the page submits itself. */
async function signOut(jar: CookieJar, postLogoutRedirectUri: string) {
  const url = new URL(`${logto.issuer}/session/end`);
  url.search = new URLSearchParams({
    client_id: devClients.spa.clientId,
    post_logout_redirect_uri: postLogoutRedirectUri,
  }).toString();
  const page = await follow(jar, url.href);
  expect(page.response.status).toBe(200);
  expect(page.body).toContain('.submit()');
  return follow(jar, new URL(formAction(page.body), url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: hiddenInputs(page.body),
  });
}

describe('sessions and sign-out', () => {
  it('reuses the session for a second sign-in without showing the form again', async () => {
    const first = await signIn(spaRequest(pkcePair().challenge), 'admin', devUsers.admin.password);
    const again = await follow(first.jar, authorizeUrl(spaRequest(pkcePair().challenge)));
    expect(again.location?.searchParams.get('code')).toBeTruthy();
  });

  it('signs out without a confirm click and returns to the post-logout URI', async () => {
    const { jar } = await signIn(spaRequest(pkcePair().challenge), 'admin', devUsers.admin.password);
    const out = await signOut(jar, 'http://localhost:5173/');
    expect(out.response.status).toBe(303);
    expect(out.location?.href).toBe('http://localhost:5173/');

    // The session is gone: authorizing again shows the login form.
    const again = await follow(jar, authorizeUrl(spaRequest(pkcePair().challenge)));
    expect(again.location).toBeUndefined();
    expect(again.body).toContain('name="password"');
  });

  it('accepts the post-logout URI without its trailing slash', async () => {
    const { jar } = await signIn(spaRequest(pkcePair().challenge), 'viewer', devUsers.viewer.password);
    const out = await signOut(jar, 'http://localhost:3000');
    expect(out.location?.href).toBe('http://localhost:3000/');
  });

  it('refuses an unregistered post-logout URI', async () => {
    const url = `${logto.issuer}/session/end?client_id=${devClients.spa.clientId}&post_logout_redirect_uri=${encodeURIComponent('http://evil.example/')}`;
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
  });

  it('accepts redirect URIs on extra origins', async () => {
    const { verifier, challenge } = pkcePair();
    const { callback } = await signIn(
      spaRequest(challenge, `${extraOrigin}/callback`),
      'admin',
      'smsdesk-admin',
    );
    expect(callback.origin).toBe(extraOrigin);
    const { response, json } = await postForm(
      `${logto.issuer}/token`,
      {
        grant_type: 'authorization_code',
        client_id: devClients.spa.clientId,
        code: callback.searchParams.get('code')!,
        redirect_uri: `${extraOrigin}/callback`,
        code_verifier: verifier,
      },
      { origin: extraOrigin },
    );
    expect(response.status).toBe(200);
    expect(json.id_token).toEqual(expect.any(String));
    expect(response.headers.get('access-control-allow-origin')).toBe(extraOrigin);
  });

  it('does not allow CORS from an unknown origin', async () => {
    const { verifier, challenge } = pkcePair();
    const { callback } = await signIn(spaRequest(challenge), 'admin', 'smsdesk-admin');
    const { response } = await postForm(
      `${logto.issuer}/token`,
      {
        grant_type: 'authorization_code',
        client_id: devClients.spa.clientId,
        code: callback.searchParams.get('code')!,
        redirect_uri: devClients.spa.redirectUris[0],
        code_verifier: verifier,
      },
      { origin: 'http://evil.example' },
    );
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('runs the traditional web app flow with client_secret_basic', async () => {
    const web = devClients.web;
    const { verifier, challenge } = pkcePair();
    const { callback } = await signIn(
      { ...spaRequest(challenge, web.redirectUris[0]), clientId: web.clientId },
      'viewer',
      devUsers.viewer.password,
    );
    const params = {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: web.redirectUris[0],
      code_verifier: verifier,
    };
    const basic = (secret: string) => ({
      authorization: `Basic ${Buffer.from(`${web.clientId}:${secret}`).toString('base64')}`,
    });
    const wrong = await postForm(`${logto.issuer}/token`, params, basic('wrong'));
    expect(wrong.json.error).toBe('invalid_client');

    const { response, json } = await postForm(`${logto.issuer}/token`, params, basic(web.clientSecret));
    expect(response.status).toBe(200);
    const refreshed = await postForm(
      `${logto.issuer}/token`,
      { grant_type: 'refresh_token', refresh_token: String(json.refresh_token), resource: defaultResource },
      basic(web.clientSecret),
    );
    expect(refreshed.response.status).toBe(200);
    expect(refreshed.json.scope).toBe('read:connectors');
  });
});
