import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConnectorBody, logtoJsonOf } from '../../fixtures/connectors.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { recordingCall, startTestStack, type TestStack } from '../../helpers/stack.ts';
import { expectNoSecrets } from '../../helpers/secrets.ts';

describe.each(databaseKinds)('connectors API on %s', (kind) => {
  let stack: TestStack;
  let admin: { authorization: string };
  const bodies: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack(kind);
    admin = await stack.auth({ sub: 'user-admin' });
  });
  afterAll(async () => {
    // Secret hygiene: no answer and no log line of this suite carries a configured secret.
    // (The lines are really there: every request is logged at trace level, with the production redaction.)
    expect(stack.logLines.filter((line) => line.includes('"url":"/api/connectors"')).length).toBeGreaterThan(
      2,
    );
    expectNoSecrets([...bodies, ...stack.logLines]);
    await stack?.close();
  });

  const call = recordingCall(
    () => stack,
    () => admin,
    bodies,
  );

  async function create(name: string) {
    const res = await call('POST', '/api/connectors', devConnectorBody(name));
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  it('creates a connector: 201, Location, ETag, and only hasAccessKeySecret', async () => {
    const res = await call('POST', '/api/connectors', {
      ...devConnectorBody('Created'),
      description: 'mainland',
    });
    expect(res.statusCode).toBe(201);
    const connector = res.json();
    expect(res.headers.location).toBe(`/api/connectors/${connector.id}`);
    expect(res.headers.etag).toBe('W/"1"');
    expect(connector).toMatchObject({
      name: 'Created',
      description: 'mainland',
      hasAccessKeySecret: true,
      version: 1,
      international: false,
    });
    expect(connector.templates).toEqual(devConnectorBody('Created').templates);
    expect(connector).not.toHaveProperty('accessKeySecret');

    const got = await call('GET', `/api/connectors/${connector.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('W/"1"');
    expect(got.json()).toEqual(connector);
    const list = await call('GET', '/api/connectors');
    expect(list.json().items.map((c: { name: string }) => c.name)).toContain('Created');
  });

  it.each([
    [{ templates: [{ usageType: 'Login', templateCode: '1' }] }, 'body.templates.0.usageType'],
    [{ templates: [{ usageType: 'SignIn', templateCode: 'abc' }] }, 'body.templates.0.templateCode'],
    [{ sdkAppId: '14000x' }, 'body.sdkAppId'],
    [{ signName: 'x' }, 'body.signName'],
    [{ signName: 'a-very-long-sign-name' }, 'body.signName'],
    [{ region: 'Guangzhou' }, 'body.region'],
    [{ surprise: true }, 'body.surprise'],
  ])('refuses %j with 400 naming %s', async (change, field) => {
    const res = await call('POST', '/api/connectors', { ...devConnectorBody('Invalid'), ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('refuses a usage type mapped twice, naming the second one', async () => {
    const body = devConnectorBody('Twice');
    body.templates.push({ usageType: 'SignIn', templateCode: '100009' });
    const res = await call('POST', '/api/connectors', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'body.templates.4.usageType', rule: 'unique' }),
    ]);
  });

  it.each([
    ['【smsdesk】', 'smsdesk'],
    ['[smsdesk]', 'smsdesk'],
  ])('refuses the sign %s with 400 saying to drop the brackets', async (signName, bare) => {
    const res = await call('POST', '/api/connectors', { ...devConnectorBody('Bracketed'), signName });
    expect(res.statusCode).toBe(400);
    const [field] = res.json().error.details.fields;
    expect(field).toMatchObject({ field: 'body.signName', rule: 'brackets' });
    expect(field.message).toContain('drop 【】 or []');
    expect(field.message).toContain(`"${bare}"`);
  });

  it("refuses a region outside Tencent's SMS regions with 400 listing them, on create and on PATCH", async () => {
    const res = await call('POST', '/api/connectors', { ...devConnectorBody('Mars'), region: 'ap-mars' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      {
        field: 'body.region',
        rule: 'enum',
        message:
          "is not a region of Tencent's SMS API: use one of ap-guangzhou, ap-beijing, ap-nanjing, ap-singapore",
      },
    ]);
    const created = await create('Regions');
    const patched = await call(
      'PATCH',
      `/api/connectors/${created.id}`,
      { region: 'eu-frankfurt' },
      {
        ...admin,
        'if-match': 'W/"1"',
      },
    );
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error.details.fields[0].field).toBe('body.region');
    const ok = await call(
      'PATCH',
      `/api/connectors/${created.id}`,
      { region: 'ap-singapore' },
      {
        ...admin,
        'if-match': 'W/"1"',
      },
    );
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a duplicate name with 409 naming the field', async () => {
    await create('Taken');
    const res = await call('POST', '/api/connectors', devConnectorBody('Taken'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'CONFLICT',
      details: { fields: [{ field: 'body.name' }] },
    });
  });

  it('needs If-Match to PATCH (428), refuses a stale one (412), applies a current one', async () => {
    const connector = await create('Patched');
    const url = `/api/connectors/${connector.id}`;
    const missing = await call('PATCH', url, { signName: 'newsign' });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().error.code).toBe('PRECONDITION_REQUIRED');

    const ok = await call(
      'PATCH',
      url,
      { signName: 'newsign', accessKeySecret: 'another-secret' },
      { ...admin, 'if-match': 'W/"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('W/"2"');
    expect(ok.json()).toMatchObject({ signName: 'newsign', version: 2, hasAccessKeySecret: true });
    expect(ok.body).not.toContain('another-secret');

    const stale = await call('PATCH', url, { signName: 'other' }, { ...admin, 'if-match': 'W/"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 2, etag: 'W/"2"' },
    });
    expect((await call('GET', url)).json().signName).toBe('newsign');
  });

  it('lets exactly one of 50 concurrent PATCHes with the same ETag win', async () => {
    const connector = await create('Raced');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(
          'PATCH',
          `/api/connectors/${connector.id}`,
          { description: `editor ${i}` },
          { ...admin, 'if-match': 'W/"1"' },
        ),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(49);
    const winner = results.find((r) => r.statusCode === 200)!.json().description;
    expect((await call('GET', `/api/connectors/${connector.id}`)).json()).toMatchObject({
      version: 2,
      description: winner,
    });
  });

  it('deletes with 204, then 404', async () => {
    const connector = await create('Deleted');
    expect((await call('DELETE', `/api/connectors/${connector.id}`)).statusCode).toBe(204);
    const gone = await call('GET', `/api/connectors/${connector.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('NOT_FOUND');
  });

  it("exports exactly Logto's JSON (secret included) and imports it back to the same JSON", async () => {
    const body = devConnectorBody('Exported');
    const connector = await create('Exported');
    const exported = await stack.app.inject({
      method: 'GET',
      url: `/api/connectors/${connector.id}/logto-config`,
      headers: admin,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['cache-control']).toBe('no-store');
    expect(exported.json()).toEqual(logtoJsonOf(body));

    const imported = await call('POST', '/api/connectors/import', {
      name: 'Imported',
      config: exported.json(),
    });
    expect(imported.statusCode).toBe(201);
    const again = await stack.app.inject({
      method: 'GET',
      url: `/api/connectors/${imported.json().id}/logto-config`,
      headers: admin,
    });
    expect(again.json()).toEqual(exported.json());
  });

  it('records who did what, with changed fields and "secret changed" only, newest first and paginated', async () => {
    const connector = await create('Audited');
    await call(
      'PATCH',
      `/api/connectors/${connector.id}`,
      { region: 'ap-beijing', accessKeySecret: 's2' },
      { ...admin, 'if-match': 'W/"1"' },
    );
    await stack.app.inject({
      method: 'GET',
      url: `/api/connectors/${connector.id}/logto-config`,
      headers: admin,
    });
    const page1 = await call('GET', `/api/audit-events?connectorId=${connector.id}&limit=2`);
    expect(page1.statusCode).toBe(200);
    const { items, nextCursor } = page1.json();
    expect(items.map((e: { action: string }) => e.action)).toEqual([
      'connector.exported',
      'connector.updated',
    ]);
    expect(items[1]).toMatchObject({
      actor: 'user-admin',
      changes: ['region', 'secret changed'],
      connectorName: 'Audited',
    });
    expect(nextCursor).toEqual(expect.any(String));
    const page2 = await call(
      'GET',
      `/api/audit-events?connectorId=${connector.id}&limit=2&cursor=${nextCursor}`,
    );
    expect(page2.json()).toMatchObject({ items: [{ action: 'connector.created' }], nextCursor: null });
    const bad = await call('GET', '/api/audit-events?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('records a template mapping change per usage type, old → new', async () => {
    const connector = await create('Remapped');
    const mapped = connector.templates as { usageType: string; templateCode: string }[];
    const signIn = mapped.find((m) => m.usageType === 'SignIn');
    expect(signIn).toBeDefined();
    const templates = [
      ...mapped.filter((m) => m.usageType !== 'SignIn'),
      { usageType: 'SignIn', templateCode: '999001' },
      { usageType: 'BindMfa', templateCode: '999002' },
    ];
    const res = await call(
      'PATCH',
      `/api/connectors/${connector.id}`,
      { templates },
      { ...admin, 'if-match': 'W/"1"' },
    );
    expect(res.statusCode).toBe(200);
    const { items } = (await call('GET', `/api/audit-events?connectorId=${connector.id}&limit=1`)).json();
    expect(items[0]).toMatchObject({
      action: 'connector.updated',
      changes: ['templates'],
      detail: `SignIn: ${signIn?.templateCode} → 999001; BindMfa: — → 999002`,
    });
  });

  it('lets a viewer read but not change anything', async () => {
    const viewer = await stack.auth({ scope: 'read:connectors', sub: 'user-viewer' });
    expect((await call('GET', '/api/connectors', undefined, viewer)).statusCode).toBe(200);
    const refused = await call('POST', '/api/connectors', devConnectorBody('By viewer'), viewer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.requiredScopes).toEqual(['write:connectors']);
  });

  it('answers 400 for an id that is not a UUID and 404 for an unknown one', async () => {
    expect((await call('GET', '/api/connectors/nope')).statusCode).toBe(400);
    expect((await call('GET', '/api/connectors/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('the connector list cache on SQLite', () => {
  it('sees a change committed by another process (another connection to the same file)', async () => {
    const { default: SQLite } = await import('better-sqlite3');
    const stack = await startTestStack('sqlite');
    try {
      const auth = await stack.auth();
      const created = await stack.app.inject({
        method: 'POST',
        url: '/api/connectors',
        headers: auth,
        payload: devConnectorBody('Cached'),
      });
      expect(created.statusCode).toBe(201);
      const first = await stack.app.inject({ method: 'GET', url: '/api/connectors', headers: auth });
      expect(first.json().items.map((c: { name: string }) => c.name)).toEqual(['Cached']);
      // Another API instance renames it, straight in the shared database file.
      const other = new SQLite(`${stack.env.DATA_DIR}/smsdesk.db`);
      other.prepare("UPDATE connectors SET name = 'Renamed elsewhere', version = version + 1").run();
      other.close();
      await new Promise((r) => setTimeout(r, 60));
      const second = await stack.app.inject({ method: 'GET', url: '/api/connectors', headers: auth });
      expect(second.json().items.map((c: { name: string }) => c.name)).toEqual(['Renamed elsewhere']);
      // And its own writes show at once.
      const id = created.json().id;
      await stack.app.inject({ method: 'DELETE', url: `/api/connectors/${id}`, headers: auth });
      const third = await stack.app.inject({ method: 'GET', url: '/api/connectors', headers: auth });
      expect(third.json().items).toEqual([]);
    } finally {
      await stack.close();
    }
  });
});
