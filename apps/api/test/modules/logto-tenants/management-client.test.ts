import { type DevLogto, devClients, generateSigningKey, startDevLogto } from '@smsdesk/dev-logto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createManagementClient,
  type TenantConnection,
} from '../../../src/modules/logto-tenants/management-client.ts';
import { defaultManagementApiResource } from '../../../src/modules/logto-tenants/service.ts';

let logto: DevLogto;
let connection: TenantConnection;

beforeAll(async () => {
  // Tokens that live 120 s, so that "shortly before it expires" can be reached with a moved clock.
  logto = await startDevLogto({ port: 0, keys: [await generateSigningKey()], accessTokenTtlSeconds: 120 });
  connection = {
    key: 'tenant-1',
    endpoint: logto.endpoint,
    managementApiResource: logto.managementApiResource,
    appId: devClients.mgmt.clientId,
    appSecret: devClients.mgmt.clientSecret,
  };
});
afterAll(() => logto?.close());

function counted() {
  const calls: string[] = [];
  const counting: typeof fetch = (input, init) => {
    calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  return { calls, tokenCalls: () => calls.filter((c) => c.endsWith('/oidc/token')).length, fetch: counting };
}

describe('the Management API client against dev-logto', () => {
  it('caches the M2M token until shortly before it expires, then gets a new one', async () => {
    let clock = 1_000_000;
    const spy = counted();
    const client = createManagementClient({ timeoutMs: 5000, fetch: spy.fetch, now: () => clock });
    await client.connectors(connection);
    await client.connectors(connection);
    await client.factory(connection, 'tencent-short-message-service');
    expect(spy.tokenCalls()).toBe(1);
    clock += 50_000; // 70 s left: still used.
    await client.connectors(connection);
    expect(spy.tokenCalls()).toBe(1);
    clock += 15_000; // 55 s left: inside the renewal minute.
    await client.connectors(connection);
    expect(spy.tokenCalls()).toBe(2);
  });

  it('keeps one token per tenant and drops it when the connection settings change', async () => {
    const spy = counted();
    const client = createManagementClient({ timeoutMs: 5000, fetch: spy.fetch });
    await client.connectors(connection);
    await client.connectors({ ...connection, key: 'tenant-2' });
    expect(spy.tokenCalls()).toBe(2);
    await expect(client.connectors({ ...connection, appSecret: 'changed' })).rejects.toMatchObject({
      code: 'LOGTO_AUTH_FAILED',
    });
    expect(spy.tokenCalls()).toBe(3);
    client.forget('tenant-1');
    await client.connectors(connection);
    expect(spy.tokenCalls()).toBe(4);
  });

  it('asks for client_credentials with scope all and the resource, as Logto wants', async () => {
    const bodies: string[] = [];
    const client = createManagementClient({
      timeoutMs: 5000,
      fetch: (input, init) => {
        if (String(input).endsWith('/oidc/token')) bodies.push(String(init?.body));
        return fetch(input, init);
      },
    });
    await client.token(connection);
    const form = new URLSearchParams(bodies[0]);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      resource: 'https://default.logto.app/api',
      scope: 'all',
    });
  });

  it('answers a reply that is not Logto’s (HTML) as LOGTO_UNAVAILABLE 502', async () => {
    const client = createManagementClient({
      timeoutMs: 5000,
      fetch: async () =>
        new Response('<html>proxy</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    });
    await expect(client.connectors(connection)).rejects.toMatchObject({
      code: 'LOGTO_UNAVAILABLE',
      statusCode: 502,
    });
  });
});

describe('the default Management API resource', () => {
  it('is the tenant’s own on Logto Cloud and default.logto.app self-hosted', () => {
    expect(defaultManagementApiResource('https://abc123.logto.app')).toBe('https://abc123.logto.app/api');
    expect(defaultManagementApiResource('https://auth.example.com')).toBe('https://default.logto.app/api');
    expect(defaultManagementApiResource('http://localhost:3001')).toBe('https://default.logto.app/api');
  });
});
