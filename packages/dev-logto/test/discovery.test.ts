import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevLogto, generateSigningKey, startDevLogto } from '../src/index.ts';
import { loginPage } from '../src/pages.ts';

let logto: DevLogto;

beforeAll(async () => {
  logto = await startDevLogto({ port: 0, keys: [await generateSigningKey()] });
});
afterAll(() => logto.close());

describe('discovery', () => {
  it('reports the real port in issuer and endpoint', () => {
    expect(logto.port).toBeGreaterThan(0);
    expect(logto.endpoint).toBe(`http://localhost:${logto.port}`);
    expect(logto.issuer).toBe(`http://localhost:${logto.port}/oidc`);
  });

  it('has a favicon where browsers ask for it and where its pages point', async () => {
    for (const path of ['/favicon.svg', '/favicon.ico']) {
      const res = await fetch(`${logto.endpoint}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe('image/svg+xml');
      expect(await res.text(), path).toMatch(/^<svg /);
    }
    // Every page dev-logto renders goes through page(), the sign-in form included.
    expect(loginPage({ uid: 'u1', clientId: 'smsdesk-spa' })).toContain(
      '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    );
  });

  it('serves a discovery document with Logto paths under /oidc', async () => {
    const response = await fetch(`${logto.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(logto.issuer);
    expect(doc.authorization_endpoint).toBe(`${logto.issuer}/auth`);
    expect(doc.token_endpoint).toBe(`${logto.issuer}/token`);
    expect(doc.jwks_uri).toBe(`${logto.issuer}/jwks`);
    expect(doc.userinfo_endpoint).toBe(`${logto.issuer}/me`);
    expect(doc.end_session_endpoint).toBe(`${logto.issuer}/session/end`);
    expect(doc.revocation_endpoint).toBe(`${logto.issuer}/token/revocation`);
    expect(doc.introspection_endpoint).toBe(`${logto.issuer}/token/introspection`);
    expect(doc.id_token_signing_alg_values_supported).toEqual(['ES384']);
    expect(doc.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
  });

  it('publishes exactly one public ES384 P-384 key', async () => {
    const response = await fetch(`${logto.issuer}/jwks`);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-384', alg: 'ES384', kid: logto.privateJwk.kid });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('lets the SPA origin call the jwks and token endpoints cross-origin', async () => {
    const jwks = await fetch(`${logto.issuer}/jwks`, { headers: { origin: 'http://localhost:5173' } });
    expect(jwks.headers.get('access-control-allow-origin')).toBeTruthy();

    const preflight = await fetch(`${logto.issuer}/token`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});
