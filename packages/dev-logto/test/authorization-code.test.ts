import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiScopes,
  type DevLogto,
  defaultResource,
  devClients,
  devUsers,
  generateSigningKey,
  startDevLogto,
} from '../src/index.ts';
import {
  type AuthorizeRequest,
  authorizeUrl,
  CookieJar,
  follow,
  formAction,
  pkcePair,
  postForm,
  signIn,
} from '../src/testing.ts';

let logto: DevLogto;
let jwks: ReturnType<typeof createRemoteJWKSet>;
const spa = devClients.spa;
const redirectUri = spa.redirectUris[0];
const logtoScopes = 'openid offline_access profile';

beforeAll(async () => {
  logto = await startDevLogto({ port: 0, keys: [await generateSigningKey()] });
  jwks = createRemoteJWKSet(new URL(`${logto.issuer}/jwks`));
});
afterAll(() => logto.close());

function request(scope: string, challenge: string, extra: Partial<AuthorizeRequest> = {}): AuthorizeRequest {
  return {
    issuer: logto.issuer,
    clientId: spa.clientId,
    redirectUri,
    scope,
    resource: defaultResource,
    challenge,
    ...extra,
  };
}

async function exchangeCode(code: string, verifier: string) {
  return postForm(
    `${logto.issuer}/token`,
    {
      grant_type: 'authorization_code',
      client_id: spa.clientId,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    },
    { origin: 'http://localhost:5173' },
  );
}

async function resourceToken(refreshToken: string) {
  return postForm(`${logto.issuer}/token`, {
    grant_type: 'refresh_token',
    client_id: spa.clientId,
    refresh_token: refreshToken,
    resource: defaultResource,
  });
}

describe('authorization code + PKCE (SPA)', () => {
  it('signs the admin in and issues ID, refresh and resource access tokens', async () => {
    const { verifier, challenge } = pkcePair();
    const scope = `${logtoScopes} read:connectors write:connectors`;
    const { callback } = await signIn(
      request(scope, challenge, { state: 'abc' }),
      devUsers.admin.username,
      devUsers.admin.password,
    );
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe('abc');
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();

    const { response, json } = await exchangeCode(code!, verifier);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(json.refresh_token).toEqual(expect.any(String));
    expect(json.token_type).toBe('Bearer');

    const idToken = await jwtVerify(String(json.id_token), jwks, {
      issuer: logto.issuer,
      audience: spa.clientId,
    });
    expect(idToken.protectedHeader.alg).toBe('ES384');
    expect(idToken.payload).toMatchObject({
      sub: devUsers.admin.id,
      username: 'admin',
      name: devUsers.admin.name,
    });

    // No resource at the code exchange: an opaque token good for /oidc/me, as with Logto.
    const accessToken = String(json.access_token);
    expect(accessToken.split('.')).toHaveLength(1);
    const me = await fetch(`${logto.issuer}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ sub: devUsers.admin.id, username: 'admin', picture: null });

    const refreshed = await resourceToken(String(json.refresh_token));
    expect(refreshed.response.status).toBe(200);
    const jwt = String(refreshed.json.access_token);
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'ES384', typ: 'at+jwt' });
    const { payload } = await jwtVerify(jwt, jwks, { issuer: logto.issuer, audience: defaultResource });
    expect(payload.sub).toBe(devUsers.admin.id);
    expect(payload.client_id).toBe(spa.clientId);
    expect(String(payload.scope).split(' ').sort()).toEqual(['read:connectors', 'write:connectors']);
  });

  it('gives the viewer only read:connectors even when all permissions are asked for', async () => {
    const { verifier, challenge } = pkcePair();
    const { callback } = await signIn(
      request(`${logtoScopes} ${apiScopes.join(' ')}`, challenge),
      devUsers.viewer.username,
      devUsers.viewer.password,
    );
    const { json } = await exchangeCode(callback.searchParams.get('code')!, verifier);
    const refreshed = await resourceToken(String(json.refresh_token));
    expect(refreshed.response.status).toBe(200);
    const { payload } = await jwtVerify(String(refreshed.json.access_token), jwks, {
      issuer: logto.issuer,
      audience: defaultResource,
    });
    expect(payload.sub).toBe(devUsers.viewer.id);
    expect(payload.scope).toBe('read:connectors');
  });

  it('refuses a wrong password at the form and hands out no code', async () => {
    const { challenge } = pkcePair();
    const jar = new CookieJar();
    const page = await follow(jar, authorizeUrl(request(logtoScopes, challenge)));
    expect(page.response.status).toBe(200);
    expect(page.body).toContain('<input id="username" name="username"');
    expect(page.body).toContain('type="password"');
    expect(page.body).toContain('Sign in</button>');

    const action = new URL(formAction(page.body), page.response.url);
    const wrong = await follow(jar, action.href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'admin', password: 'not-the-password' }),
    });
    expect(wrong.location).toBeUndefined();
    expect(wrong.response.status).toBe(401);
    expect(wrong.body).toContain('Wrong username or password');

    // The same interaction still works with the right password afterwards.
    const right = await follow(jar, action.href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'admin', password: devUsers.admin.password }),
    });
    expect(right.location?.searchParams.get('code')).toBeTruthy();
  });

  it('refuses an unknown resource indicator', async () => {
    const { challenge } = pkcePair();
    const jar = new CookieJar();
    const landing = await follow(
      jar,
      authorizeUrl(request(logtoScopes, challenge, { resource: 'https://unknown.example' })),
    );
    expect(landing.location?.searchParams.get('error')).toBe('invalid_target');
    expect(landing.location?.searchParams.get('code')).toBeNull();
  });

  it('refuses a refresh for a resource that was not requested at sign-in', async () => {
    const { verifier, challenge } = pkcePair();
    const { callback } = await signIn(
      request(logtoScopes, challenge),
      devUsers.admin.username,
      devUsers.admin.password,
    );
    const { json } = await exchangeCode(callback.searchParams.get('code')!, verifier);
    const other = await postForm(`${logto.issuer}/token`, {
      grant_type: 'refresh_token',
      client_id: spa.clientId,
      refresh_token: String(json.refresh_token),
      resource: 'https://unknown.example',
    });
    expect(other.response.status).toBe(400);
    expect(other.json.error).toBe('invalid_target');
  });
});
