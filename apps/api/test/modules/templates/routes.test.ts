import {
  type TencentSmsEmulator,
  seededTemplateIds,
  startTencentSmsEmulator,
} from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../../fixtures/connectors.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { recordingCall, startTestStack, type TestStack } from '../../helpers/stack.ts';
import { expectNoSecrets } from '../../helpers/secrets.ts';

describe.each(databaseKinds)('templates API on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;
  let admin: { authorization: string };
  let viewer: { authorization: string };
  let connectorCount = 0;
  const bodies: string[] = [];

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    stack = await startTestStack(kind, { TENCENT_SMS_ENDPOINT: emu.url });
    admin = await stack.auth({ sub: 'user-admin' });
    viewer = await stack.auth({ sub: 'user-viewer', scope: 'read:connectors' });
  });
  beforeEach(() => emu.reset());
  afterAll(async () => {
    // Secret hygiene: no answer and no log line of this suite carries a configured secret.
    expectNoSecrets([...bodies, ...(stack?.logLines ?? [])]);
    await stack?.close();
    await emu?.close();
  });

  const call = recordingCall(
    () => stack,
    () => admin,
    bodies,
  );

  async function createConnector(change: Record<string, unknown> = {}) {
    const res = await call('POST', '/api/connectors', {
      ...devConnectorBody(`Templates ${++connectorCount}`),
      ...change,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; name: string; version: number; templates: unknown[] };
  }

  async function auditOf(connectorId: string) {
    const res = await call('GET', `/api/audit-events?connectorId=${connectorId}`);
    expect(res.statusCode).toBe(200);
    return res.json().items as Array<{ action: string; detail?: string; actor: string }>;
  }

  const tencentCalls = () => emu.requests().length;

  it("lists every template of the connector's side with status, variables and mapped usage types", async () => {
    const connector = await createConnector();
    const res = await call('GET', `/api/connectors/${connector.id}/templates`);
    expect(res.statusCode).toBe(200);
    const byId = new Map(res.json().items.map((t: { templateId: string }) => [t.templateId, t]));
    expect(byId.size).toBe(7); // the dev account's seven mainland templates, not the other account's
    expect(byId.get(seededTemplateIds.signIn)).toEqual({
      templateId: seededTemplateIds.signIn,
      name: 'SignIn code',
      content: 'Your sign-in code is {1}. It expires in 10 minutes.',
      status: 'approved',
      reviewReply: null,
      smsType: null,
      variableCount: 1,
      international: false,
      createdAt: '2025-01-01T00:00:00.000Z',
      usageTypes: ['SignIn'],
    });
    expect(byId.get(seededTemplateIds.underReview)).toMatchObject({ status: 'reviewing', usageTypes: [] });
    expect(byId.get(seededTemplateIds.rejected)).toMatchObject({
      status: 'rejected',
      reviewReply: expect.stringContaining('marketing'),
    });
    expect(byId.get(seededTemplateIds.twoVariables)).toMatchObject({ variableCount: 2 });

    const intl = await createConnector({ international: true });
    const none = await call('GET', `/api/connectors/${intl.id}/templates`);
    expect(none.json().items).toEqual([]);
    expect(emu.requests('DescribeSmsTemplateList').at(-1)?.params).toMatchObject({ International: 1 });
  });

  it.each([
    ['Your code is {1}, valid for {2} minutes.', 'single_variable'],
    ['【smsdesk】Your code is {1}.', 'brackets'],
    ['Your code is {1}{2}.', 'variables_adjacent'],
  ])('refuses %j locally with the rule %s, without calling Tencent', async (content, rule) => {
    const connector = await createConnector();
    const before = tencentCalls();
    const res = await call('POST', `/api/connectors/${connector.id}/templates`, { name: 'Bad', content });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.fields).toContainEqual({
      field: 'body.content',
      rule,
      message: expect.any(String),
    });
    expect(tencentCalls()).toBe(before);
    expect(emu.requests('AddSmsTemplate')).toEqual([]);
  });

  it('refuses an international verification template without the word "code"', async () => {
    const connector = await createConnector({ international: true, templates: [] });
    const res = await call('POST', `/api/connectors/${connector.id}/templates`, {
      name: 'Intl',
      content: 'Your PIN is {1}.',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { rule: string }) => f.rule)).toEqual(['code_word']);
    expect(emu.requests('AddSmsTemplate')).toEqual([]);
  });

  it('creates a template under review, lists it approved once Tencent approves it, and shows its mapping', async () => {
    const connector = await createConnector();
    const res = await call('POST', `/api/connectors/${connector.id}/templates`, {
      name: 'MFA code',
      content: 'Your MFA code is {1}.',
      remark: 'for MFA',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: 'MFA code',
      status: 'reviewing',
      smsType: 3,
      variableCount: 1,
      international: false,
      usageTypes: [],
    });
    expect(created.templateId).toMatch(/^\d+$/);
    expect(res.headers.location).toBe(`/api/connectors/${connector.id}/templates/${created.templateId}`);
    const [add] = emu.requests('AddSmsTemplate');
    expect(add?.params).toMatchObject({ SmsType: 3, International: 0, Remark: 'for MFA' });

    const approved = await fetch(`${emu.url}/__emulator/templates/${created.templateId}/approve`, {
      method: 'POST',
    });
    expect(approved.ok).toBe(true);
    const mapped = await call(
      'PATCH',
      `/api/connectors/${connector.id}`,
      {
        templates: [
          ...devConnectorBody().templates,
          { usageType: 'MfaVerification', templateCode: created.templateId },
          { usageType: 'BindMfa', templateCode: created.templateId },
        ],
      },
      { ...admin, 'if-match': `W/"${connector.version}"` },
    );
    expect(mapped.statusCode).toBe(200);
    const list = await call('GET', `/api/connectors/${connector.id}/templates`);
    const listed = list.json().items.find((t: { templateId: string }) => t.templateId === created.templateId);
    expect(listed).toMatchObject({
      status: 'approved',
      smsType: 3,
      usageTypes: ['MfaVerification', 'BindMfa'],
    });

    const audit = await auditOf(connector.id);
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'template.created',
        actor: 'user-admin',
        detail: expect.stringContaining(created.templateId),
      }),
    );
  });

  it('modifies a template under review; it stays under review with the new text', async () => {
    const connector = await createConnector();
    const res = await call(
      'PUT',
      `/api/connectors/${connector.id}/templates/${seededTemplateIds.underReview}`,
      { name: 'Pending code v2', content: 'Your new pending code is {1}.', smsType: 3 },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      templateId: seededTemplateIds.underReview,
      name: 'Pending code v2',
      content: 'Your new pending code is {1}.',
      status: 'reviewing',
      smsType: 3,
    });
    const atTencent = emu.templates().find((t) => String(t.templateId) === seededTemplateIds.underReview);
    expect(atTencent?.templateContent).toBe('Your new pending code is {1}.');
    expect(await auditOf(connector.id)).toContainEqual(
      expect.objectContaining({
        action: 'template.modified',
        detail: expect.stringContaining(seededTemplateIds.underReview),
      }),
    );
  });

  it('keeps the SmsType a template was made with when a change does not name one', async () => {
    const connector = await createConnector();
    const created = await call('POST', `/api/connectors/${connector.id}/templates`, {
      name: 'Notice',
      content: 'Your order {1} ships on {2}.',
      smsType: 2,
    });
    expect(created.statusCode).toBe(201);
    const { templateId } = created.json();
    // Two variables are fine for a notification; as a verification code the change would be refused.
    const res = await call('PUT', `/api/connectors/${connector.id}/templates/${templateId}`, {
      name: 'Notice v2',
      content: 'Your order {1} ships on {2}, today.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ smsType: 2, variableCount: 2 });
    expect(emu.requests('ModifySmsTemplate')[0]?.params).toMatchObject({ SmsType: 2 });
  });

  it('refuses to modify an approved template with 409 TEMPLATE_LOCKED, before asking Tencent to', async () => {
    const connector = await createConnector();
    const res = await call('PUT', `/api/connectors/${connector.id}/templates/${seededTemplateIds.signIn}`, {
      name: 'Changed',
      content: 'Your changed code is {1}.',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'TEMPLATE_LOCKED',
      message: 'Tencent forbids changing an approved template: create a new one and map it instead',
    });
    expect(emu.requests('ModifySmsTemplate')).toEqual([]);
  });

  it("maps Tencent's TemplateAlreadyPassedCheck (approved meanwhile) to TEMPLATE_LOCKED", async () => {
    const connector = await createConnector();
    emu.injectFault({
      kind: 'error',
      action: 'ModifySmsTemplate',
      code: 'FailedOperation.TemplateAlreadyPassedCheck',
    });
    const res = await call('PUT', `/api/connectors/${connector.id}/templates/${seededTemplateIds.rejected}`, {
      name: 'Fixed',
      content: 'Your code is {1}.',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'TEMPLATE_LOCKED',
      details: { tencentCode: 'FailedOperation.TemplateAlreadyPassedCheck' },
    });
  });

  it('answers 404 TEMPLATE_NOT_FOUND for a template the account does not have', async () => {
    const connector = await createConnector();
    const res = await call('PUT', `/api/connectors/${connector.id}/templates/100050`, {
      name: 'Theirs',
      content: 'Your code is {1}.',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TEMPLATE_NOT_FOUND');
    const gone = await call('DELETE', `/api/connectors/${connector.id}/templates/999999`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('TEMPLATE_NOT_FOUND');
  });

  it('refuses to delete a mapped template with 409 naming connectors and usage types; ?force=true deletes', async () => {
    const connector = await createConnector();
    const other = await createConnector({
      templates: [{ usageType: 'Generic', templateCode: seededTemplateIds.signIn }],
    });
    const url = `/api/connectors/${connector.id}/templates/${seededTemplateIds.signIn}`;
    const refused = await call('DELETE', url);
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error.code).toBe('TEMPLATE_IN_USE');
    expect(error.message).toContain(`"${connector.name}" (SignIn)`);
    expect(error.message).toContain(`"${other.name}" (Generic)`);
    expect(error.details.usedBy).toEqual(
      expect.arrayContaining([
        { connectorId: connector.id, connectorName: connector.name, usageTypes: ['SignIn'] },
        { connectorId: other.id, connectorName: other.name, usageTypes: ['Generic'] },
      ]),
    );
    expect(emu.requests('DeleteSmsTemplate')).toEqual([]);

    const forced = await call('DELETE', `${url}?force=true`);
    expect(forced.statusCode).toBe(204);
    expect(emu.templates().some((t) => String(t.templateId) === seededTemplateIds.signIn)).toBe(false);
    expect(await auditOf(connector.id)).toContainEqual(
      expect.objectContaining({
        action: 'template.deleted',
        detail: expect.stringContaining(seededTemplateIds.signIn),
      }),
    );
  });

  it('deletes an unmapped template without force', async () => {
    const connector = await createConnector();
    const res = await call(
      'DELETE',
      `/api/connectors/${connector.id}/templates/${seededTemplateIds.twoVariables}`,
    );
    expect(res.statusCode).toBe(204);
    expect(emu.requests('DeleteSmsTemplate')[0]?.params).toMatchObject({ TemplateId: 100007 });
  });

  it("lists the signs of the connector's side", async () => {
    const connector = await createConnector();
    const res = await call('GET', `/api/connectors/${connector.id}/signs`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ signName: string; status: string; international: boolean }>;
    expect(items.map((s) => [s.signName, s.status])).toEqual([
      ['smsdesk', 'approved'],
      ['smsdesk审核中', 'reviewing'],
    ]);
    expect(items.every((s) => s.international === false)).toBe(true);
  });

  it('lets a viewer read templates and signs but not create, modify or delete them', async () => {
    const connector = await createConnector();
    const base = `/api/connectors/${connector.id}`;
    expect((await call('GET', `${base}/templates`, undefined, viewer)).statusCode).toBe(200);
    expect((await call('GET', `${base}/signs`, undefined, viewer)).statusCode).toBe(200);
    const body = { name: 'Viewer', content: 'Your code is {1}.' };
    const attempts = [
      await call('POST', `${base}/templates`, body, viewer),
      await call('PUT', `${base}/templates/${seededTemplateIds.underReview}`, body, viewer),
      await call(
        'DELETE',
        `${base}/templates/${seededTemplateIds.twoVariables}?force=true`,
        undefined,
        viewer,
      ),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details.requiredScopes).toEqual(['write:templates']);
    }
    expect(emu.requests('AddSmsTemplate')).toEqual([]);
    expect(emu.requests('ModifySmsTemplate')).toEqual([]);
    expect(emu.requests('DeleteSmsTemplate')).toEqual([]);
  });

  it('answers 404 for an unknown connector and 409 for one without a secret', async () => {
    const missing = await call('GET', '/api/connectors/00000000-0000-4000-8000-000000000000/templates');
    expect(missing.statusCode).toBe(404);
    const { accessKeySecret: _, ...noSecret } = devConnectorBody(`No secret ${++connectorCount}`);
    const created = await call('POST', '/api/connectors', noSecret);
    expect(created.statusCode).toBe(201);
    const res = await call('GET', `/api/connectors/${created.json().id}/templates`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('no access key secret');
  });

  it('documents the routes in the OpenAPI document', async () => {
    const res = await stack.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    expect(Object.keys(paths['/api/connectors/{id}/templates'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/connectors/{id}/templates/{templateId}'] ?? {}).sort()).toEqual([
      'delete',
      'put',
    ]);
    expect(paths['/api/connectors/{id}/signs']?.get).toBeDefined();
    expect(paths['/api/connectors/{id}/check']?.post?.responses?.['200']).toBeDefined();
  });

  it('surfaces a Tencent failure as its error code, not a 500', async () => {
    const connector = await createConnector();
    emu.injectFault({ kind: 'http500', action: 'DescribeSmsTemplateList', count: 2 });
    const res = await call('GET', `/api/connectors/${connector.id}/templates`);
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('TENCENT_UNAVAILABLE');
  });
});
