import { devClients } from '@smsdesk/dev-logto';
import {
  devAccount,
  seededTemplateIds,
  startTencentSmsEmulator,
  type TencentSmsEmulator,
} from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../../fixtures/connectors.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { expectNoSecrets } from '../../helpers/secrets.ts';
import { recordingCall, startTestStack, type TestStack } from '../../helpers/stack.ts';
import { generousLimits } from '../../helpers/config.ts';
import { inbox, sendSmsRequests } from '../../helpers/emulator.ts';

const CN = '+8613800138000';

describe.each(databaseKinds)(
  'test sends through a Logto tenant on %s (dev-logto, real connector)',
  (kind) => {
    let emu: TencentSmsEmulator;
    let stack: TestStack;
    let admin: { authorization: string };
    let connectorId: string;
    let tenantId: string;
    const bodies: string[] = [];
    const codes = new Set<string>();

    beforeAll(async () => {
      emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
      stack = await startTestStack(
        kind,
        { TENCENT_SMS_ENDPOINT: emu.url, ...generousLimits },
        {},
        { tencentEmulatorUrl: emu.url },
      );
      admin = await stack.auth({ sub: 'user-admin' });
      connectorId = (await call('POST', '/api/connectors', devConnectorBody('Mainland'))).json().id;
      const tenant = await call('POST', '/api/logto-tenants', {
        name: 'Dev tenant',
        endpoint: stack.logto.endpoint,
        appId: devClients.mgmt.clientId,
        appSecret: devClients.mgmt.clientSecret,
      });
      expect(tenant.statusCode).toBe(201);
      tenantId = tenant.json().id;
    });
    afterAll(async () => {
      // The live codes were read off the phone only: no answer or log line carried one.
      expect(codes.size).toBeGreaterThan(0);
      expectNoSecrets([...bodies, ...(stack?.logLines ?? [])], [devClients.mgmt.clientSecret, ...codes]);
      await stack?.close();
      await emu?.close();
    });

    const call = recordingCall(
      () => stack,
      () => admin,
      bodies,
    );
    const send = (body: Record<string, unknown>, id = connectorId) =>
      call('POST', `/api/connectors/${id}/test-sends`, {
        usageType: 'Generic',
        phoneNumber: CN,
        tenantId,
        ...body,
      });
    const etag = async (id = connectorId) =>
      (await call('GET', `/api/connectors/${id}`)).headers.etag as string;
    const push = async () =>
      call(
        'POST',
        `/api/connectors/${connectorId}/push`,
        { tenantId },
        { ...admin, 'if-match': await etag() },
      );
    /** The newest message Logto's connector put on the phone (it sends digits, which Tencent reads as mainland). */
    async function lastMessage() {
      const [message] = await inbox(emu, CN);
      if (!message) throw new Error('no message on the phone');
      return message.text;
    }

    it('refuses tenant modes without a tenant, with another usage type or with uiLocales, and a tenant in smsdesk mode', async () => {
      const noTenant = await send({ mode: 'logto-test', tenantId: undefined });
      expect(noTenant.statusCode).toBe(400);
      expect(noTenant.json().error.details.fields[0]).toMatchObject({
        field: 'body.tenantId',
        rule: 'required',
      });
      const signIn = await send({ mode: 'logto-live', usageType: 'SignIn' });
      expect(signIn.statusCode).toBe(400);
      expect(signIn.json().error.details.fields[0].field).toBe('body.usageType');
      const locales = await send({ mode: 'logto-test', uiLocales: 'fr' });
      expect(locales.statusCode).toBe(400);
      expect(locales.json().error.details.fields[0].field).toBe('body.uiLocales');
      const smsdesk = await send({ mode: 'smsdesk' });
      expect(smsdesk.statusCode).toBe(400);
      expect(smsdesk.json().error.details.fields[0].field).toBe('body.tenantId');
    });

    it("logto-test: Logto's console test of this profile reaches the phone — digits, Generic, 000000", async () => {
      const before = (await sendSmsRequests(emu)).length;
      const res = await send({ mode: 'logto-test' });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        mode: 'logto-test',
        status: 'sent',
        usageType: 'Generic',
        templateCode: seededTemplateIds.generic,
        logto: { tenantId, liveConnectorInSync: null },
        tencent: { code: 'Ok' },
      });
      const requests = await sendSmsRequests(emu);
      expect(requests).toHaveLength(before + 1);
      // What Logto's own connector sent: the number without +, only the code.
      expect(requests.at(-1)).toMatchObject({
        PhoneNumberSet: ['8613800138000'],
        TemplateParamSet: ['000000'],
        TemplateId: seededTemplateIds.generic,
        SignName: devAccount.signName,
      });
      expect(await lastMessage()).toContain('000000');
      // Recorded like every send; the phone shows 000000, and that is what verifies it.
      const verified = await call('POST', `/api/test-sends/${body.id}/verify`, { code: '000000' });
      expect(verified.statusCode).toBe(200);
      const history = (await call('GET', `/api/test-sends?connectorId=${connectorId}`)).json().items;
      expect(history[0]).toMatchObject({ id: body.id, mode: 'logto-test', verified: true });
    });

    it('logto-test: a Tencent refusal through Logto is a failed send with Tencent’s code, Logto’s message and guidance', async () => {
      const wrong = await call('POST', '/api/connectors', {
        ...devConnectorBody('Wrong secret'),
        accessKeySecret: 'not-the-tencent-secret',
      });
      const res = await send({ mode: 'logto-test' }, wrong.json().id);
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.status).toBe('failed');
      expect(body.tencent.code).toBe('AuthFailure.SignatureFailure');
      expect(body.tencent.message).toMatch(/^Error occurred in connector: AuthFailure\.SignatureFailure/);
      expect(body.guidance).toContain('Logto answered 400 connector.general');
      expect(body.verifyAttemptsLeft).toBe(0);
    });

    it('logto-test: a profile Logto’s guard refuses (no Generic) fails with Logto’s message', async () => {
      const noGeneric = await call('POST', '/api/connectors', {
        ...devConnectorBody('No Generic'),
        templates: devConnectorBody().templates.filter((t) => t.usageType !== 'Generic'),
      });
      const before = (await sendSmsRequests(emu)).length;
      const res = await send({ mode: 'logto-test' }, noGeneric.json().id);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'failed', templateCode: null });
      expect(res.json().tencent.code).toMatch(/^connector\.(invalid_config|template_not_found)$/);
      expect((await sendSmsRequests(emu)).length).toBe(before);
    });

    it('logto-live before any push: 409, the tenant has no Tencent connector', async () => {
      const res = await send({ mode: 'logto-live' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('push this profile first');
    });

    it('logto-live: the live connector sends a code Logto generated; Logto verifies it (wrong → CODE_MISMATCH)', async () => {
      expect((await push()).statusCode).toBe(200);
      const res = await send({ mode: 'logto-live' });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        mode: 'logto-live',
        status: 'sent',
        templateCode: seededTemplateIds.generic,
        logto: { tenantId, liveConnectorInSync: true },
      });
      const code = /(\d{6})/.exec(await lastMessage())?.[1] ?? '';
      expect(code).toMatch(/^\d{6}$/);
      codes.add(code);
      expect(res.body).not.toContain(code);
      const stored = await stack.app.db.kysely
        .selectFrom('testSends')
        .selectAll()
        .where('id', '=', body.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(stored)).not.toContain('13800138000');

      const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const mismatch = await call('POST', `/api/test-sends/${body.id}/verify`, { code: wrongCode });
      expect(mismatch.statusCode).toBe(422);
      expect(mismatch.json().error).toMatchObject({
        code: 'CODE_MISMATCH',
        details: { attemptsLeft: 4, logtoCode: 'verification_code.code_mismatch' },
      });
      const ok = await call('POST', `/api/test-sends/${body.id}/verify`, { code });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ verified: true });
      // A retried request gets the same answer, though Logto has used the code up.
      expect((await call('POST', `/api/test-sends/${body.id}/verify`, { code })).statusCode).toBe(200);
      expect((await call('GET', `/api/test-sends/${body.id}`)).json()).toMatchObject({ verified: true });
    });

    it('logto-live says when the live connector no longer matches the profile', async () => {
      const patched = await call(
        'PATCH',
        `/api/connectors/${connectorId}`,
        { description: 'unchanged config', signName: 'othersign' },
        { ...admin, 'if-match': await etag() },
      );
      expect(patched.statusCode).toBe(200);
      const res = await send({ mode: 'logto-live' });
      expect(res.statusCode).toBe(201);
      // The live connector still has the pushed sign, so the code goes out — but not as this profile says.
      expect(res.json()).toMatchObject({ status: 'sent', logto: { liveConnectorInSync: false } });
      codes.add(/(\d{6})/.exec(await lastMessage())?.[1] ?? '');
    });
  },
);
