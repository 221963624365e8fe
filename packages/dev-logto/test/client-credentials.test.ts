import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiScopes,
  type DevLogto,
  defaultResource,
  devClients,
  devOrganization,
  generateSigningKey,
  getClientCredentialsToken,
  startDevLogto,
} from '../src/index.ts';
import { postForm } from '../src/testing.ts';

let logto: DevLogto;
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

beforeAll(async () => {
  logto = await startDevLogto({ port: 0, keys: [await generateSigningKey()] });
});
afterAll(() => logto.close());

describe('machine-to-machine (client_credentials)', () => {
  it('issues a Logto-shaped JWT access token for the API resource', async () => {
    const token = await getClientCredentialsToken({
      endpoint: logto.endpoint,
      clientId: devClients.m2m.clientId,
      clientSecret: devClients.m2m.clientSecret,
      resource: defaultResource,
      scope: apiScopes.join(' '),
    });

    const header = decodeProtectedHeader(token);
    expect(header).toMatchObject({ alg: 'ES384', typ: 'at+jwt', kid: logto.privateJwk.kid });

    const jwks = createRemoteJWKSet(new URL(`${logto.issuer}/jwks`));
    const { payload } = await jwtVerify(token, jwks, { issuer: logto.issuer, audience: defaultResource });
    expect(payload.client_id).toBe(devClients.m2m.clientId);
    expect(payload.sub).toBe(devClients.m2m.clientId);
    expect(String(payload.scope).split(' ').sort()).toEqual([...apiScopes].sort());
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('grants only the permissions asked for', async () => {
    const token = await getClientCredentialsToken({
      endpoint: logto.endpoint,
      clientId: devClients.m2m.clientId,
      clientSecret: devClients.m2m.clientSecret,
      resource: defaultResource,
      scope: 'read:connectors',
    });
    const jwks = createRemoteJWKSet(new URL(`${logto.issuer}/jwks`));
    const { payload } = await jwtVerify(token, jwks, { issuer: logto.issuer, audience: defaultResource });
    expect(payload.scope).toBe('read:connectors');
  });

  it('issues an organization token with organization_id to a member, and refuses any other organization', async () => {
    const ask = (organizationId: string) =>
      getClientCredentialsToken({
        endpoint: logto.endpoint,
        clientId: devClients.m2m.clientId,
        clientSecret: devClients.m2m.clientSecret,
        resource: defaultResource,
        scope: 'read:connectors',
        organizationId,
      });
    const jwks = createRemoteJWKSet(new URL(`${logto.issuer}/jwks`));
    const { payload } = await jwtVerify(await ask(devOrganization.id), jwks, {
      issuer: logto.issuer,
      audience: defaultResource,
    });
    expect(payload.organization_id).toBe(devOrganization.id);
    await expect(ask('another-org')).rejects.toThrow(/400 invalid_request/);
  });

  it('refuses a wrong client secret', async () => {
    const { response, json } = await postForm(
      `${logto.issuer}/token`,
      { grant_type: 'client_credentials', resource: defaultResource, scope: 'send:sms' },
      { authorization: basic(devClients.m2m.clientId, 'not-the-secret') },
    );
    expect(response.status).toBe(401);
    expect(json.error).toBe('invalid_client');
    await expect(
      getClientCredentialsToken({
        endpoint: logto.endpoint,
        clientId: devClients.m2m.clientId,
        clientSecret: 'nope',
        resource: defaultResource,
      }),
    ).rejects.toThrow(/invalid_client/);
  });

  it('refuses an unknown resource indicator', async () => {
    const { response, json } = await postForm(
      `${logto.issuer}/token`,
      { grant_type: 'client_credentials', resource: 'https://other.example', scope: 'send:sms' },
      { authorization: basic(devClients.m2m.clientId, devClients.m2m.clientSecret) },
    );
    expect(response.status).toBe(400);
    expect(json.error).toBe('invalid_target');
  });

  it('honours a short access token lifetime and a custom resource', async () => {
    const short = await startDevLogto({
      port: 0,
      keys: [logto.privateJwk],
      resource: 'https://api.test.local',
      accessTokenTtlSeconds: 5,
    });
    try {
      const token = await getClientCredentialsToken({
        endpoint: short.endpoint,
        clientId: devClients.m2m.clientId,
        clientSecret: devClients.m2m.clientSecret,
        resource: 'https://api.test.local',
        scope: 'send:sms',
      });
      const jwks = createRemoteJWKSet(new URL(`${short.issuer}/jwks`));
      const { payload } = await jwtVerify(token, jwks, { issuer: short.issuer, audience: short.resource });
      expect(payload.exp! - payload.iat!).toBe(5);
    } finally {
      await short.close();
    }
  });
});
