import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DevLogto,
  defaultResource,
  devClients,
  generateSigningKey,
  getClientCredentialsToken,
  managementApiResource,
  otherSmsFactoryId,
  startDevLogto,
  tencentFactoryId,
} from '../src/index.ts';
import { postForm } from '../src/testing.ts';

const config = {
  accessKeyId: 'AKIDTEST',
  accessKeySecret: 'test-secret',
  signName: 'smsdesk',
  region: 'ap-guangzhou',
  sdkAppId: '1400000001',
  templates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType, index) => ({
    usageType,
    templateCode: String(100001 + index),
  })),
};

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
let dir: string;
let keys: Awaited<ReturnType<typeof generateSigningKey>>[];
let logto: DevLogto;
let token: string;

async function start() {
  return startDevLogto({ port: 0, keys, stateFile: join(dir, 'management.json') });
}
async function mgmtToken(target: DevLogto) {
  return getClientCredentialsToken({
    endpoint: target.endpoint,
    clientId: devClients.mgmt.clientId,
    clientSecret: devClients.mgmt.clientSecret,
    resource: managementApiResource,
    scope: 'all',
  });
}
async function api(path: string, init: RequestInit & { json?: unknown } = {}, bearer: string | null = token) {
  const headers = new Headers(init.headers);
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(`${logto.endpoint}${path}`, {
    ...init,
    headers,
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** Logto's error body (DOMAIN.md): `{ message, code, data?, details? }`, nothing else. */
function expectLogtoError(json: unknown, code: string) {
  expect(json).toMatchObject({ code, message: expect.any(String) });
  expect(
    Object.keys(json as object).every((key) => ['message', 'code', 'data', 'details'].includes(key)),
  ).toBe(true);
}

/** ConnectorResponse (DOMAIN.md): id, connectorId, type "Sms", name, target, config in clear, metadata, isDemo. */
function expectConnectorResponse(json: unknown, factoryId: string, target: string) {
  expect(json).toMatchObject({
    id: expect.stringMatching(/^[a-z0-9]{12}$/),
    connectorId: factoryId,
    type: 'Sms',
    name: { en: expect.any(String) },
    target,
    config: expect.any(Object),
    metadata: expect.any(Object),
    isDemo: false,
    syncProfile: false,
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dev-logto-mgmt-'));
  keys = [await generateSigningKey()];
  logto = await start();
  token = await mgmtToken(logto);
});
afterAll(async () => {
  await logto.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Management API tokens', () => {
  it('issues smsdesk-mgmt a JWT for the Management API resource with the `all` permission', () => {
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ aud: managementApiResource, scope: 'all', client_id: 'smsdesk-mgmt' });
    expect(claims.iss).toBe(logto.issuer);
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('refuses the Management API resource to another app', async () => {
    const { response, json } = await postForm(
      `${logto.issuer}/token`,
      { grant_type: 'client_credentials', resource: managementApiResource, scope: 'all' },
      { authorization: basic(devClients.m2m.clientId, devClients.m2m.clientSecret) },
    );
    expect(response.status).toBe(400);
    expect(json.error).toBe('invalid_target');
  });

  it('answers 401 without a token, with a bad token, and with a token for another resource', async () => {
    const none = await api('/api/connectors', {}, null);
    expect(none.status).toBe(401);
    expectLogtoError(none.json, 'auth.authorization_header_missing');

    const forged = await api('/api/connectors', {}, `${token.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    expectLogtoError(forged.json, 'auth.unauthorized');

    const apiToken = await getClientCredentialsToken({
      endpoint: logto.endpoint,
      clientId: devClients.m2m.clientId,
      clientSecret: devClients.m2m.clientSecret,
      resource: defaultResource,
      scope: 'read:connectors',
    });
    const other = await api('/api/connectors', {}, apiToken);
    expect(other.status).toBe(401);
    expectLogtoError(other.json, 'auth.unauthorized');
  });

  it('answers 403 to a Management API token without `all`', async () => {
    const { response, json } = await postForm(
      `${logto.issuer}/token`,
      { grant_type: 'client_credentials', resource: managementApiResource },
      { authorization: basic(devClients.mgmt.clientId, devClients.mgmt.clientSecret) },
    );
    expect(response.status).toBe(200);
    const withoutAll = await api('/api/connectors', {}, String(json.access_token));
    expect(withoutAll.status).toBe(403);
    expectLogtoError(withoutAll.json, 'auth.forbidden');
  });
});

describe('connector factories and connectors', () => {
  it('lists the real Tencent factory with its metadata', async () => {
    const list = await api('/api/connector-factories');
    expect(list.status).toBe(200);
    const one = await api(`/api/connector-factories/${tencentFactoryId}`);
    expect(one.json).toMatchObject({
      id: tencentFactoryId,
      target: 'tencent-sms',
      type: 'Sms',
      isDemo: false,
      name: { en: 'Tencent Short Message Service' },
    });
    expect(list.json).toContainEqual(one.json);
    const missing = await api('/api/connector-factories/nope');
    expect(missing.status).toBe(404);
    expectLogtoError(missing.json, 'entity.not_found');
  });

  it('starts with no connector, so the first push is a create', async () => {
    expect((await api('/api/connectors')).json).toEqual([]);
  });

  it("refuses a config without Generic with the connector's own guard message", async () => {
    const withoutGeneric = {
      ...config,
      templates: config.templates.filter((t) => t.usageType !== 'Generic'),
    };
    const refused = await api('/api/connectors', {
      method: 'POST',
      json: { connectorId: tencentFactoryId, config: withoutGeneric },
    });
    expect(refused.status).toBe(400);
    expectLogtoError(refused.json, 'connector.invalid_config');
    expect(refused.json?.message).toBe("The connector's config is invalid.");
    expect(refused.json?.details).toContain('Template with UsageType (Generic) should be provided!');
    expect(refused.json?.details).toContain('Error in key path "templates"');

    const wrongType = await api('/api/connectors', {
      method: 'POST',
      json: { connectorId: tencentFactoryId, config: { ...config, sdkAppId: 1400000001 } },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json?.details).toContain('Error in key path "sdkAppId": (invalid_type) Expected string');
    expect((await api('/api/connectors')).json).toEqual([]);
  });

  it('creates, reads, replaces the config whole, filters by target and deletes', async () => {
    const created = await api('/api/connectors', {
      method: 'POST',
      json: { connectorId: tencentFactoryId, config },
    });
    expect(created.status).toBe(200);
    expectConnectorResponse(created.json, tencentFactoryId, 'tencent-sms');
    expect(created.json?.config).toEqual(config);
    const id = String(created.json?.id);

    const again = await api('/api/connectors', {
      method: 'POST',
      json: { connectorId: tencentFactoryId, config },
    });
    expect(again.status).toBe(422);
    expectLogtoError(again.json, 'connector.multiple_instances_not_supported');

    const { region: _region, ...withoutRegion } = config;
    const refused = await api(`/api/connectors/${id}`, { method: 'PATCH', json: { config: withoutRegion } });
    expect(refused.status).toBe(400);
    expectLogtoError(refused.json, 'connector.invalid_config');

    const changed = {
      ...config,
      signName: 'other',
      templates: [...config.templates, { usageType: 'BindMfa', templateCode: '1' }],
    };
    const patched = await api(`/api/connectors/${id}`, { method: 'PATCH', json: { config: changed } });
    expect(patched.status).toBe(200);
    expect(patched.json?.config).toEqual(changed);
    expect((await api(`/api/connectors/${id}`)).json).toEqual(patched.json);

    expect((await api('/api/connectors?target=tencent-sms')).json).toEqual([patched.json]);
    expect((await api('/api/connectors?target=aliyun-sms')).json).toEqual([]);

    expect((await api(`/api/connectors/${id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await api(`/api/connectors/${id}`);
    expect(gone.status).toBe(404);
    expectLogtoError(gone.json, 'entity.not_exists_with_id');
  });

  it('replaces every other SMS connector on POST, as Logto does', async () => {
    const other = await api('/api/connectors', {
      method: 'POST',
      json: { connectorId: otherSmsFactoryId, config: {} },
    });
    expectConnectorResponse(other.json, otherSmsFactoryId, 'mock-sms');
    const tencent = await api('/api/connectors', {
      method: 'POST',
      json: { connectorId: tencentFactoryId, config },
    });
    expect(tencent.status).toBe(200);
    expect((await api('/api/connectors')).json).toEqual([tencent.json]);
  });

  it('keeps its connectors across a restart', async () => {
    const before = (await api('/api/connectors')).json;
    await logto.close();
    logto = await start();
    token = await mgmtToken(logto);
    expect((await api('/api/connectors')).json).toEqual(before);
  });
});

describe('guards', () => {
  it('refuses a test without a digits-only phone, and verification without a code', async () => {
    const plus = await api(`/api/connectors/${tencentFactoryId}/test`, {
      method: 'POST',
      json: { phone: '+8613800138000', config },
    });
    expect(plus.status).toBe(400);
    expectLogtoError(plus.json, 'guard.invalid_input');
    expect(plus.json?.details).toContain('"phone"');

    const noCode = await api('/api/verification-codes/verify', {
      method: 'POST',
      json: { phone: '8613800138000' },
    });
    expect(noCode.status).toBe(400);
    expectLogtoError(noCode.json, 'guard.invalid_input');

    const notSent = await api('/api/verification-codes/verify', {
      method: 'POST',
      json: { phone: '8613800138001', verificationCode: '123456' },
    });
    expect(notSent.status).toBe(400);
    expectLogtoError(notSent.json, 'verification_code.not_found');
  });
});
