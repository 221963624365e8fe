import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { devClients, otherSmsFactoryId, tencentFactoryId } from '@smsdesk/dev-logto';
import { type ManagementApi, managementApi } from '@smsdesk/dev-logto/testing';
import { devAccount, startTencentSmsEmulator, type TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../../fixtures/connectors.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { expectNoSecrets } from '../../helpers/secrets.ts';
import { recordingCall, startTestStack, type TestStack } from '../../helpers/stack.ts';

const mgmtSecret = devClients.mgmt.clientSecret;

describe.each(databaseKinds)('Logto tenants API on %s, against dev-logto', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;
  let admin: { authorization: string };
  let connectorId: string;
  let tenantId: string;
  /** Logto's own view of the tenant, straight from dev-logto's Management API. */
  let logto: ManagementApi;
  const bodies: string[] = [];

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    stack = await startTestStack(
      kind,
      { TENCENT_SMS_ENDPOINT: emu.url },
      {},
      { tencentEmulatorUrl: emu.url },
    );
    admin = await stack.auth({ sub: 'user-admin' });
    logto = managementApi(stack.logto.endpoint);
    const res = await call('POST', '/api/connectors', devConnectorBody('Mainland'));
    expect(res.statusCode).toBe(201);
    connectorId = res.json().id;
  });
  afterAll(async () => {
    // Neither the M2M secret nor the Tencent secret reached a response or a log line.
    expectNoSecrets([...bodies, ...(stack?.logLines ?? [])], [mgmtSecret, 'rotated-secret-0001']);
    await stack?.close();
    await emu?.close();
  });

  const call = recordingCall(
    () => stack,
    () => admin,
    bodies,
  );
  const tenantBody = (extra: Record<string, unknown> = {}) => ({
    name: 'Dev tenant',
    endpoint: stack.logto.endpoint,
    appId: devClients.mgmt.clientId,
    appSecret: mgmtSecret,
    ...extra,
  });
  async function etagOfConnector(id = connectorId) {
    return (await call('GET', `/api/connectors/${id}`)).headers.etag as string;
  }
  async function push(extra: Record<string, unknown> = {}, id = connectorId) {
    return call(
      'POST',
      `/api/connectors/${id}/push`,
      { tenantId, ...extra },
      { ...admin, 'if-match': await etagOfConnector(id) },
    );
  }
  const drift = async (id = connectorId) => call('GET', `/api/connectors/${id}/drift?tenantId=${tenantId}`);

  it('refuses a wrong M2M secret with 422 LOGTO_AUTH_FAILED and Logto’s own message, saving nothing', async () => {
    const res = await call('POST', '/api/logto-tenants', tenantBody({ appSecret: 'not-the-secret' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('LOGTO_AUTH_FAILED');
    // oidc-provider's (and so Logto's) answer to a bad client secret.
    expect(res.json().error.message).toMatch(/client authentication failed/i);
    expect(res.json().error.details.logtoCode).toBe('invalid_client');
    expect((await call('GET', '/api/logto-tenants')).json().items).toEqual([]);
  });

  it('refuses an app without the Management API permission (the smsdesk M2M app) with LOGTO_AUTH_FAILED', async () => {
    const res = await call(
      'POST',
      '/api/logto-tenants',
      tenantBody({ appId: devClients.m2m.clientId, appSecret: devClients.m2m.clientSecret }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('LOGTO_AUTH_FAILED');
  });

  it('answers an unreachable endpoint with 502 LOGTO_UNAVAILABLE', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const res = await call(
      'POST',
      '/api/logto-tenants',
      tenantBody({ endpoint: `http://127.0.0.1:${port}` }),
    );
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('LOGTO_UNAVAILABLE');
    expect(res.json().error.message).toContain(`127.0.0.1:${port}`);
  });

  it('refuses a body without appSecret, and a non-URL endpoint, with 400 naming the field', async () => {
    const { appSecret: _secret, ...noSecret } = tenantBody();
    const missing = await call('POST', '/api/logto-tenants', noSecret);
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().error.details.fields)).toContain('appSecret');
    const notUrl = await call('POST', '/api/logto-tenants', tenantBody({ endpoint: 'localhost:3001' }));
    expect(notUrl.statusCode).toBe(400);
    expect(JSON.stringify(notUrl.json().error.details.fields)).toContain('endpoint');
  });

  it('adds the tenant after getting a token and reading the Tencent factory: 201, Location, ETag, no secret', async () => {
    const res = await call('POST', '/api/logto-tenants', tenantBody());
    expect(res.statusCode).toBe(201);
    const tenant = res.json();
    tenantId = tenant.id;
    expect(res.headers.location).toBe(`/api/logto-tenants/${tenant.id}`);
    expect(res.headers.etag).toBe('W/"1"');
    expect(tenant).toMatchObject({
      name: 'Dev tenant',
      endpoint: stack.logto.endpoint,
      managementApiResource: 'https://default.logto.app/api',
      appId: 'smsdesk-mgmt',
      hasAppSecret: true,
      version: 1,
    });
    expect(tenant.verifiedAt).toEqual(expect.any(String));
    expect(res.body).not.toContain(mgmtSecret);
    const stored = await stack.app.db.kysely.selectFrom('logtoTenants').selectAll().executeTakeFirstOrThrow();
    expect(stored.secretCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain(mgmtSecret);

    const duplicate = await call('POST', '/api/logto-tenants', tenantBody());
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details.fields[0].field).toBe('body.name');
  });

  it('verifies the tenant again: the factory Logto really has', async () => {
    const res = await call('POST', `/api/logto-tenants/${tenantId}/verify`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      factoryId: tencentFactoryId,
      factoryName: expect.stringMatching(/Tencent/i),
    });
  });

  it('reads the tenant’s SMS connector: none yet (dev-logto is seeded empty)', async () => {
    const res = await call('GET', `/api/logto-tenants/${tenantId}/sms-connector`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ present: false });
  });

  it('drift before the first push: every field only in smsdesk, the secret only as "set"', async () => {
    const res = await drift();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.inSync).toBe(false);
    expect(body.differences).toContainEqual({ field: 'signName', smsdesk: devAccount.signName, logto: null });
    expect(body.differences).toContainEqual({ field: 'accessKeySecret', smsdesk: 'set', logto: null });
    expect(body.differences).toContainEqual({
      field: 'templates.SignIn',
      smsdesk: expect.any(String),
      logto: null,
    });
  });

  it('push needs the profile’s If-Match: 428 without, 412 when stale', async () => {
    const none = await call('POST', `/api/connectors/${connectorId}/push`, { tenantId });
    expect(none.statusCode).toBe(428);
    const stale = await call(
      'POST',
      `/api/connectors/${connectorId}/push`,
      { tenantId },
      { ...admin, 'if-match': 'W/"99"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await logto('/api/connectors')).json).toEqual([]);
  });

  it('first push creates the Tencent connector at Logto; then drift is in sync; audited with the fields', async () => {
    const res = await push();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ action: 'created', drift: { inSync: true, differences: [] } });
    const live = (await logto('/api/connectors')).json;
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: body.logtoConnectorId, connectorId: tencentFactoryId, type: 'Sms' });
    expect(live[0].config).toEqual({
      accessKeyId: devAccount.secretId,
      accessKeySecret: devAccount.secretKey,
      signName: devAccount.signName,
      region: devAccount.region,
      sdkAppId: devAccount.sdkAppId,
      templates: devConnectorBody().templates,
    });
    expect((await drift()).json()).toEqual({ inSync: true, differences: [] });

    const sms = (await call('GET', `/api/logto-tenants/${tenantId}/sms-connector`)).json();
    expect(sms).toMatchObject({
      present: true,
      factoryId: tencentFactoryId,
      logtoConnectorId: body.logtoConnectorId,
    });
    expect(sms.config).toMatchObject({ accessKeyId: devAccount.secretId, accessKeySecretSet: true });
    expect(sms.config).not.toHaveProperty('accessKeySecret');

    const audit = (await call('GET', `/api/audit-events?connectorId=${connectorId}`)).json().items;
    const pushed = audit.find((event: { action: string }) => event.action === 'connector.pushed');
    expect(pushed.changes).toEqual(
      expect.arrayContaining(['accessKeyId', 'accessKeySecret', 'templates.SignIn']),
    );
    expect(pushed.detail).toContain(`created ${body.logtoConnectorId}`);
  });

  it('after a change here, drift names the fields (secret compared server-side), and push updates the same connector', async () => {
    const first = (await logto('/api/connectors')).json[0].id;
    const templates = devConnectorBody().templates.map((t) =>
      t.usageType === 'SignIn' ? { ...t, templateCode: '999999' } : t,
    );
    const patched = await call(
      'PATCH',
      `/api/connectors/${connectorId}`,
      { signName: 'othersign', templates, accessKeySecret: 'rotated-secret-0001' },
      { ...admin, 'if-match': await etagOfConnector() },
    );
    expect(patched.statusCode).toBe(200);
    const before = (await drift()).json();
    expect(before.inSync).toBe(false);
    expect(before.differences).toEqual(
      expect.arrayContaining([
        { field: 'signName', smsdesk: 'othersign', logto: devAccount.signName },
        { field: 'templates.SignIn', smsdesk: '999999', logto: expect.any(String) },
        { field: 'accessKeySecret', smsdesk: 'set', logto: 'different' },
      ]),
    );
    expect(before.differences).toHaveLength(3);

    const res = await push();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ action: 'updated', logtoConnectorId: first, drift: { inSync: true } });
    const live = (await logto(`/api/connectors/${first}`)).json;
    expect(live.config).toMatchObject({ signName: 'othersign', accessKeySecret: 'rotated-secret-0001' });

    // Back to the dev account, so the sends of later suites work.
    await call(
      'PATCH',
      `/api/connectors/${connectorId}`,
      {
        signName: devAccount.signName,
        templates: devConnectorBody().templates,
        accessKeySecret: devAccount.secretKey,
      },
      { ...admin, 'if-match': await etagOfConnector() },
    );
    expect((await push()).json().drift.inSync).toBe(true);
  });

  it('Logto’s own guard refuses a profile without Generic: 422 LOGTO_REJECTED with Logto’s message, audited', async () => {
    const created = await call('POST', '/api/connectors', {
      ...devConnectorBody('No Generic'),
      templates: devConnectorBody().templates.filter((t) => t.usageType !== 'Generic'),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const res = await push({}, id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('LOGTO_REJECTED');
    expect(res.json().error.details).toMatchObject({
      logtoStatus: 400,
      logtoCode: 'connector.invalid_config',
    });
    expect(res.json().error.message).toContain("The connector's config is invalid.");
    // Nothing changed at Logto: the live connector is still the full profile.
    expect((await drift()).json().inSync).toBe(true);
    const audit = (await call('GET', `/api/audit-events?connectorId=${id}`)).json().items;
    expect(
      audit.some((event: { action: string; detail?: string }) => event.action === 'connector.pushed'),
    ).toBe(true);
  });

  it('guards another SMS connector: 409 LOGTO_SMS_CONNECTOR_EXISTS naming it, replaced only with replaceExisting', async () => {
    // Someone switched the tenant to another SMS provider in the Console (Logto deletes the Tencent one).
    const other = await logto('/api/connectors', { connectorId: otherSmsFactoryId, config: {} });
    expect(other.status).toBe(200);
    const sms = (await call('GET', `/api/logto-tenants/${tenantId}/sms-connector`)).json();
    expect(sms).toEqual({ present: true, factoryId: otherSmsFactoryId, logtoConnectorId: other.json.id });

    const refused = await push();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('LOGTO_SMS_CONNECTOR_EXISTS');
    expect(refused.json().error.message).toContain(otherSmsFactoryId);
    expect(refused.json().error.details).toMatchObject({
      factoryId: otherSmsFactoryId,
      logtoConnectorId: other.json.id,
    });
    expect((await logto(`/api/connectors/${other.json.id}`)).status).toBe(200);

    const replaced = await push({ replaceExisting: true });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().action).toBe('created');
    const live = (await logto('/api/connectors')).json;
    expect(live.map((c: { connectorId: string }) => c.connectorId)).toEqual([tencentFactoryId]);
  });

  it('imports the tenant’s Tencent connector as a new profile, the secret kept server-side', async () => {
    const res = await call('POST', `/api/logto-tenants/${tenantId}/sms-connector/import`, {
      name: 'From Logto',
    });
    expect(res.statusCode).toBe(201);
    const profile = res.json();
    expect(res.headers.location).toBe(`/api/connectors/${profile.id}`);
    expect(profile).toMatchObject({
      name: 'From Logto',
      accessKeyId: devAccount.secretId,
      hasAccessKeySecret: true,
      signName: devAccount.signName,
      templates: devConnectorBody().templates,
    });
    expect(res.body).not.toContain(devAccount.secretKey);
    expect((await drift(profile.id)).json()).toEqual({ inSync: true, differences: [] });
  });

  it('PATCH a tenant needs If-Match; new credentials are verified before they replace the old ones', async () => {
    const current = await call('GET', `/api/logto-tenants/${tenantId}`);
    expect(current.headers.etag).toBe('W/"1"');
    expect((await call('PATCH', `/api/logto-tenants/${tenantId}`, { name: 'Renamed' })).statusCode).toBe(428);
    const wrong = await call(
      'PATCH',
      `/api/logto-tenants/${tenantId}`,
      { appSecret: 'wrong-secret' },
      { ...admin, 'if-match': 'W/"1"' },
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('LOGTO_AUTH_FAILED');
    const renamed = await call(
      'PATCH',
      `/api/logto-tenants/${tenantId}`,
      { name: 'Renamed' },
      { ...admin, 'if-match': 'W/"1"' },
    );
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Renamed', version: 2 });
    // The old secret still works: the refused change did not replace it.
    expect((await call('POST', `/api/logto-tenants/${tenantId}/verify`)).statusCode).toBe(200);
    const audit = (await call('GET', '/api/audit-events')).json().items;
    expect(audit.find((e: { action: string }) => e.action === 'logto_tenant.updated').changes).toEqual([
      'name',
    ]);
  });

  it('read-only callers can read tenants but not change them', async () => {
    const viewer = await stack.auth({ scope: 'read:connectors', sub: 'user-viewer' });
    expect((await call('GET', '/api/logto-tenants', undefined, viewer)).statusCode).toBe(200);
    expect(
      (await call('GET', `/api/connectors/${connectorId}/drift?tenantId=${tenantId}`, undefined, viewer))
        .statusCode,
    ).toBe(200);
    expect((await call('POST', '/api/logto-tenants', tenantBody({ name: 'x' }), viewer)).statusCode).toBe(
      403,
    );
    expect((await call('POST', `/api/connectors/${connectorId}/push`, { tenantId }, viewer)).statusCode).toBe(
      403,
    );
  });

  it('deletes the tenant (nothing changes at Logto)', async () => {
    expect((await call('DELETE', `/api/logto-tenants/${tenantId}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/logto-tenants/${tenantId}`)).statusCode).toBe(404);
    expect((await logto('/api/connectors')).json).toHaveLength(1);
  });
});

describe('Management API timeouts', () => {
  let stack: TestStack;
  let silent: Server;
  let silentUrl: string;

  beforeAll(async () => {
    stack = await startTestStack('sqlite', { LOGTO_MANAGEMENT_TIMEOUT_MS: '300' });
    // Accepts the connection and never answers.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    silent?.closeAllConnections();
    await new Promise<void>((resolve) => silent?.close(() => resolve()));
    await stack?.close();
  });

  it('answers 504 LOGTO_TIMEOUT after LOGTO_MANAGEMENT_TIMEOUT_MS, once, without retrying', async () => {
    let requests = 0;
    silent.on('request', () => {
      requests += 1;
    });
    const started = Date.now();
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/logto-tenants',
      headers: await stack.auth(),
      payload: { name: 'Silent', endpoint: silentUrl, appId: 'a', appSecret: 'b' },
    });
    expect(res.statusCode).toBe(504);
    expect(res.json().error.code).toBe('LOGTO_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(3000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toBe(1);
  });
});
