import {
  generateSigningKey,
  getClientCredentialsToken,
  startDevLogto,
  type DevLogto,
  devClients,
  devOrganization,
} from '@smsdesk/dev-logto';
import Fastify, { type FastifyInstance } from 'fastify';
import { type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import authPlugin from '../../src/plugins/auth.ts';
import dbPlugin from '../../src/plugins/db.ts';
import errorsPlugin from '../../src/plugins/errors.ts';
import schedulerPlugin from '../../src/plugins/scheduler.ts';
import sessionPlugin from '../../src/plugins/session.ts';
import { testConfig } from '../helpers/config.ts';
import { forgeToken, unsignedToken } from '../helpers/tokens.ts';

const resource = 'https://api.smsdesk.local';

describe('auth plugin: bearer tokens', () => {
  let logto: DevLogto;
  let app: FastifyInstance;
  let jwk: JWK;
  let issuer: string;

  beforeAll(async () => {
    jwk = await generateSigningKey();
    logto = await startDevLogto({ port: 0, keys: [jwk] });
    issuer = logto.issuer;
    const config = testConfig({ LOGTO_ENDPOINT: logto.endpoint });
    app = Fastify({ logger: false });
    await app.register(errorsPlugin);
    await app.register(dbPlugin, { config });
    await app.register(schedulerPlugin);
    await app.register(sessionPlugin, { config });
    await app.register(authPlugin, { config });
    app.get('/any', { onRequest: app.requireScopes() }, async (req) => req.caller);
    app.post('/write', { onRequest: app.requireScopes('write:connectors') }, async (req) => req.caller);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await logto?.close();
  });

  const call = (token: string | null, url = '/any', method: 'GET' | 'POST' = 'GET') =>
    app.inject({ method, url, headers: token === null ? {} : { authorization: `Bearer ${token}` } });

  it('accepts a real client_credentials token from the provider and knows the caller', async () => {
    const token = await getClientCredentialsToken({
      endpoint: logto.endpoint,
      clientId: devClients.m2m.clientId,
      clientSecret: devClients.m2m.clientSecret,
      resource,
      scope: 'read:connectors write:connectors',
    });
    const res = await call(token, '/write', 'POST');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sub: 'smsdesk-m2m', clientId: 'smsdesk-m2m', authMethod: 'bearer' });
    expect(res.json().scopes).toEqual(expect.arrayContaining(['read:connectors', 'write:connectors']));
  });

  it('refuses a real organization token (organization_id) with 401 invalid_token', async () => {
    const request = {
      endpoint: logto.endpoint,
      clientId: devClients.m2m.clientId,
      clientSecret: devClients.m2m.clientSecret,
      resource,
      scope: 'read:connectors write:connectors',
    };
    const token = await getClientCredentialsToken({ ...request, organizationId: devOrganization.id });
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ organization_id: devOrganization.id, aud: resource });
    const res = await call(token, '/write', 'POST');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    expect(res.headers['www-authenticate']).toMatch(/organization tokens are not accepted/i);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
    // The same app's token without an organization still works.
    expect((await call(await getClientCredentialsToken(request), '/write', 'POST')).statusCode).toBe(200);
  });

  it('answers a missing token with 401 and a bare Bearer challenge (no error attribute)', async () => {
    const res = await call(null);
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="smsdesk"');
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  const refused: [string, () => Promise<string>, RegExp][] = [
    ['expired', () => forgeToken({ jwk, issuer, audience: resource, expiresIn: -120 }), /expired/],
    [
      'nbf in the future',
      () => forgeToken({ jwk, issuer, audience: resource, notBeforeIn: 600 }),
      /not valid yet/,
    ],
    [
      'wrong issuer',
      () => forgeToken({ jwk, issuer: 'https://evil.example/oidc', audience: resource }),
      /issuer/,
    ],
    [
      'wrong audience',
      () => forgeToken({ jwk, issuer, audience: 'https://other.example' }),
      /another resource/,
    ],
    [
      'another resource',
      () => forgeToken({ jwk, issuer, audience: 'https://api.other.local' }),
      /another resource/,
    ],
    [
      'bad signature (another key, same kid)',
      async () =>
        forgeToken({ jwk: { ...(await generateSigningKey()), kid: jwk.kid }, issuer, audience: resource }),
      /signature/,
    ],
    [
      'alg none',
      async () => unsignedToken({ iss: issuer, aud: resource, sub: 'x', exp: 9e9 }),
      /not a JWT|malformed|algorithm/,
    ],
    [
      'HS256 signed with the public key',
      async () => {
        const { d: _d, ...publicJwk } = jwk;
        const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
        return new SignJWT({ scope: 'read:connectors' })
          .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: jwk.kid })
          .setIssuer(issuer)
          .setAudience(resource)
          .setSubject('x')
          .setExpirationTime('10m')
          .sign(secret);
      },
      /algorithm/,
    ],
    [
      'unknown kid',
      async () =>
        forgeToken({
          jwk: { ...(await generateSigningKey()), kid: 'unknown-kid' },
          issuer,
          audience: resource,
        }),
      /No signing key/,
    ],
    [
      'tampered payload',
      async () => {
        const token = await forgeToken({ jwk, issuer, audience: resource, scope: 'read:connectors' });
        const [h, p, s] = token.split('.');
        const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
        payload.scope = 'read:connectors write:connectors';
        return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
      },
      /signature/,
    ],
    [
      'an ID token',
      () => forgeToken({ jwk, issuer, audience: 'smsdesk-spa', typ: 'JWT' }),
      /another resource|not an access token/,
    ],
    ['an opaque token', async () => 'nFZ2y4Cqxkzd1E6vW0TnqkQqEr4yLz1Qe1YmLqvQ9Hb', /not a JWT/],
  ];

  it.each(refused)('refuses %s with 401 invalid_token', async (_name, make, reason) => {
    const res = await call(await make());
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
    expect(res.json().error.message).toMatch(reason);
    expect(res.headers['www-authenticate']).toMatch(
      /^Bearer realm="smsdesk", error="invalid_token", error_description="/,
    );
  });

  it('answers a valid token without the route scope with 403 insufficient_scope naming it', async () => {
    const token = await forgeToken({ jwk, issuer, audience: resource, scope: 'read:connectors' });
    const res = await call(token, '/write', 'POST');
    expect(res.statusCode).toBe(403);
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="smsdesk", error="insufficient_scope", scope="write:connectors"',
    );
    expect(res.json().error).toMatchObject({
      code: 'FORBIDDEN',
      details: { requiredScopes: ['write:connectors'] },
    });
  });

  it('refuses a malformed Authorization header', async () => {
    const res = await app.inject({ method: 'GET', url: '/any', headers: { authorization: 'Basic abc' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_request"/);
  });
});
