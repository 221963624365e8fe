import {
  devAccount,
  seededTemplateIds,
  startTencentSmsEmulator,
  type TencentSmsEmulator,
} from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../../fixtures/connectors.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { recordingCall, startTestStack, type TestStack } from '../../helpers/stack.ts';
import { generousLimits } from '../../helpers/config.ts';
import { inbox, injectFault, lastCode, requestCount, sendSmsRequests } from '../../helpers/emulator.ts';
import { expectNoSecrets } from '../../helpers/secrets.ts';

const CN = '+8613800138000';

describe.each(databaseKinds)('test sends API on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let stack: TestStack;
  let admin: { authorization: string };
  let connectorId: string;
  const bodies: string[] = [];
  const codes = new Set<string>();
  let clockOffset = 0;

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
    stack = await startTestStack(
      kind,
      { TENCENT_SMS_ENDPOINT: emu.url, ...generousLimits },
      { now: () => new Date(Date.now() + clockOffset) },
    );
    admin = await stack.auth({ sub: 'user-admin' });
    const res = await call('POST', '/api/connectors', devConnectorBody('Mainland'));
    expect(res.statusCode).toBe(201);
    connectorId = res.json().id;
  });
  afterAll(async () => {
    // The code proves receipt only if it never leaves the phone: no answer of this suite carried one.
    expect(codes.size).toBeGreaterThan(3);
    // Nor did a log line; and neither carries a configured secret.
    expectNoSecrets([...bodies, ...(stack?.logLines ?? [])], [...codes]);
    await stack?.close();
    await emu?.close();
  });

  const call = recordingCall(
    () => stack,
    () => admin,
    bodies,
  );

  async function sendTo(body: Record<string, unknown>, id = connectorId) {
    return call('POST', `/api/connectors/${id}/test-sends`, { usageType: 'SignIn', ...body });
  }

  /** Sends a code that arrives, and reads it off the emulator's inbox. */
  async function sentCode(phoneNumber: string) {
    const res = await sendTo({ phoneNumber });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('sent');
    const code = await lastCode(emu, phoneNumber);
    codes.add(code);
    return { id: res.json().id as string, code };
  }

  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('smsdesk mode sends the E.164 number and [code], answers 201 with a masked number and Location', async () => {
    const before = (await sendSmsRequests(emu)).length;
    const res = await sendTo({ phoneNumber: CN });
    expect(res.statusCode).toBe(201);
    const send = res.json();
    expect(res.headers.location).toBe(`/api/test-sends/${send.id}`);
    expect(send).toMatchObject({
      connectorId,
      status: 'sent',
      usageType: 'SignIn',
      templateCode: seededTemplateIds.signIn,
      phoneNumberMasked: '+86 138****8000',
      mode: 'smsdesk',
      tencent: { code: 'Ok', fee: 1 },
      verified: false,
      verifyAttemptsLeft: 5,
      delivery: { status: 'pending', description: null, receivedAt: null },
      actor: 'user-admin',
    });
    expect(send.tencent.serialNo).toMatch(/\S/);
    expect(send.tencent.requestId).toMatch(/\S/);
    expect(Date.parse(send.codeExpiresAt) - Date.parse(send.createdAt)).toBe(10 * 60_000);

    const requests = await sendSmsRequests(emu);
    expect(requests).toHaveLength(before + 1);
    const params = requests.at(-1)!;
    const code = await lastCode(emu, CN);
    codes.add(code);
    expect(params).toMatchObject({
      PhoneNumberSet: ['+8613800138000'],
      TemplateParamSet: [code],
      TemplateId: seededTemplateIds.signIn,
      SignName: devAccount.signName,
      SmsSdkAppId: devAccount.sdkAppId,
    });
    expect((await inbox(emu, CN))[0]!.text).toBe(
      `【smsdesk】Your sign-in code is ${code}. It expires in 10 minutes.`,
    );
    const stored = await stack.app.db.kysely
      .selectFrom('testSends')
      .selectAll()
      .where('id', '=', send.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(stored)).not.toContain('13800138000');
    expect(stored.codeHash).toMatch(/^hmac\$/);
  });

  it('reads national numbers with a country and Logto-style digits, sending E.164 in smsdesk mode', async () => {
    const national = await sendTo({ phoneNumber: '139 0013 9000', country: 'CN' });
    expect(national.statusCode).toBe(201);
    expect((await sendSmsRequests(emu)).at(-1)!.PhoneNumberSet).toEqual(['+8613900139000']);
    const logtoStyle = await sendTo({ phoneNumber: '8613700137000' });
    expect(logtoStyle.statusCode).toBe(201);
    expect(logtoStyle.json().phoneNumberMasked).toBe('+86 137****7000');
    expect((await sendSmsRequests(emu)).at(-1)!.PhoneNumberSet).toEqual(['+8613700137000']);
  });

  it('logto mode sends the digits without + and [code], as Logto stores and sends them', async () => {
    const res = await sendTo({ phoneNumber: CN, mode: 'logto' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'sent', mode: 'logto' });
    const code = await lastCode(emu, CN);
    codes.add(code);
    expect((await sendSmsRequests(emu)).at(-1)).toMatchObject({
      PhoneNumberSet: ['8613800138000'],
      TemplateParamSet: [code],
      SignName: devAccount.signName,
      SmsSdkAppId: devAccount.sdkAppId,
    });
  });

  it('logto mode with uiLocales sends [code, locale]: a single-{1} template refuses it, a failed send with the ui_locales trap explained', async () => {
    const messagesBefore = (await inbox(emu, CN)).length;
    const res = await sendTo({ phoneNumber: CN, mode: 'logto', uiLocales: 'zh-CN' });
    expect(res.statusCode).toBe(201);
    const send = res.json();
    expect(send).toMatchObject({
      status: 'failed',
      tencent: { code: 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate', serialNo: null },
      verifyAttemptsLeft: 0,
      codeExpiresAt: null,
      delivery: { status: 'failed' },
    });
    expect(send.guidance).toContain('ui_locales');
    expect(send.guidance).toMatch(new RegExp(`template ${seededTemplateIds.signIn}`, 'i'));
    const params = (await sendSmsRequests(emu)).at(-1)!;
    expect(params.PhoneNumberSet).toEqual(['8613800138000']);
    expect(params.TemplateParamSet).toHaveLength(2);
    expect(params.TemplateParamSet[1]).toBe('zh-CN');
    expect(params.TemplateParamSet[0]).toMatch(/^\d{6}$/);
    codes.add(params.TemplateParamSet[0]!);
    expect(await inbox(emu, CN)).toHaveLength(messagesBefore);

    const verify = await call('POST', `/api/test-sends/${send.id}/verify`, { code: '123456' });
    expect(verify.statusCode).toBe(409);
    expect(verify.json().error.code).toBe('CONFLICT');
  });

  it('refuses uiLocales in smsdesk mode, which always sends [code]', async () => {
    const res = await sendTo({ phoneNumber: CN, uiLocales: 'zh-CN' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'body.uiLocales', rule: 'mode' });
  });

  it('answers an unmapped usage type as Logto fails: 404 TEMPLATE_NOT_FOUND, no Generic fallback, nothing sent', async () => {
    const before = await requestCount(emu, 'SendSms');
    const logto = await sendTo({ phoneNumber: CN, usageType: 'MfaVerification', mode: 'logto' });
    expect(logto.statusCode).toBe(404);
    expect(logto.json().error).toMatchObject({
      code: 'TEMPLATE_NOT_FOUND',
      details: { usageType: 'MfaVerification', mode: 'logto' },
    });
    expect(logto.json().error.message).toContain(
      "Logto's Tencent connector has no template for usage type MfaVerification and does not fall back to Generic",
    );
    const smsdesk = await sendTo({ phoneNumber: CN, usageType: 'BindMfa' });
    expect(smsdesk.statusCode).toBe(404);
    expect(smsdesk.json().error.code).toBe('TEMPLATE_NOT_FOUND');
    expect(smsdesk.json().error.message).toContain('smsdesk does not fall back to Generic');
    expect(await requestCount(emu, 'SendSms')).toBe(before);
  });

  it("records a Logto-exact TEMPLATE_NOT_FOUND in the history and the audit, as Logto's own failure", async () => {
    const phoneNumber = '+8613500135077';
    const refused = await sendTo({ phoneNumber, usageType: 'BindMfa', mode: 'logto' });
    expect(refused.statusCode).toBe(404);
    const history = (await call('GET', `/api/test-sends?connectorId=${connectorId}&limit=100`)).json()
      .items as { usageType: string; mode: string; status: string; phoneNumberMasked: string }[];
    const row = history.find((s) => s.usageType === 'BindMfa' && s.phoneNumberMasked.endsWith('5077'));
    expect(row).toMatchObject({
      mode: 'logto',
      status: 'failed',
      templateCode: null,
      tencent: { code: 'TEMPLATE_NOT_FOUND' },
      delivery: { status: 'failed' },
      verified: false,
    });
    expect((row as unknown as { guidance: string }).guidance).toContain('Map a template to BindMfa');
    const events = (await call('GET', `/api/audit-events?connectorId=${connectorId}&limit=100`)).json()
      .items as { action: string; outcome: string; detail: string }[];
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'test_send.sent',
        outcome: 'failed',
        detail: 'BindMfa, logto mode, +86 135****5077: refused before sending (TEMPLATE_NOT_FOUND)',
      }),
    );
    // smsdesk mode refuses the request itself (a 404, as before): nothing is recorded for it.
    await sendTo({ phoneNumber: '+8613500135078', usageType: 'BindMfa' });
    const after = (await call('GET', `/api/test-sends?connectorId=${connectorId}&limit=100`)).json()
      .items as { phoneNumberMasked: string }[];
    expect(after.some((s) => s.phoneNumberMasked.endsWith('5078'))).toBe(false);
  });

  it.each([
    ['+861', {}, 'tooShort'],
    ['123', {}, 'tooShort'],
    ['+8613800138000123456', {}, 'tooLong'],
    ['+8612345678901', {}, 'invalidNumber'],
    ['phone', {}, 'notANumber'],
    ['0612345678', { country: 'ZZ' }, 'invalidCountry'],
  ])('refuses %s %j with 400 naming body.phoneNumber (%s)', async (phoneNumber, extra, rule) => {
    const before = await requestCount(emu, 'SendSms');
    const res = await sendTo({ phoneNumber, ...extra });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const field = res.json().error.details.fields[0];
    expect(field).toMatchObject({ field: 'body.phoneNumber', rule });
    expect(field.message.length).toBeGreaterThan(10);
    expect(await requestCount(emu, 'SendSms')).toBe(before);
  });

  it('refuses a +33 number on the mainland connector and a +86 number on an international one, saying which fits', async () => {
    const french = await sendTo({ phoneNumber: '+33 6 12 34 56 78' });
    expect(french.statusCode).toBe(400);
    expect(french.json().error.details.fields[0]).toMatchObject({
      field: 'body.phoneNumber',
      rule: 'connectorRegion',
    });
    expect(french.json().error.message).toContain(
      'this connector is mainland-only: use an international connector for +33',
    );
    const intl = await call('POST', '/api/connectors', {
      ...devConnectorBody('International'),
      international: true,
    });
    expect(intl.statusCode).toBe(201);
    const chinese = await sendTo({ phoneNumber: CN }, intl.json().id);
    expect(chinese.statusCode).toBe(400);
    expect(chinese.json().error.message).toContain('+86 numbers need a mainland connector');

    // Logto drops the + of an international number, which Tencent then reads as a mainland one.
    const logto = await sendTo({ phoneNumber: '+33612345678', mode: 'logto' }, intl.json().id);
    expect(logto.statusCode).toBe(201);
    expect(logto.json()).toMatchObject({
      status: 'failed',
      phoneNumberMasked: '+33 6****5678',
      tencent: { code: 'InvalidParameterValue.IncorrectPhoneNumber' },
    });
    expect(logto.json().guidance).toContain('without the +');
    expect((await sendSmsRequests(emu)).at(-1)!.PhoneNumberSet).toEqual(['33612345678']);
  });

  it('logto mode sends what Logto would: +14155550100 on a mainland connector goes out as 14155550100 and Tencent delivers it to a mainland phone', async () => {
    const smsdesk = await sendTo({ phoneNumber: '+14155550100' });
    expect(smsdesk.statusCode).toBe(400);
    const logto = await sendTo({ phoneNumber: '+14155550100', mode: 'logto' });
    expect(logto.statusCode).toBe(201);
    expect(logto.json()).toMatchObject({ status: 'sent', tencent: { code: 'Ok', fee: 1 } });
    expect(logto.json().guidance).toContain('without the +');
    expect(logto.json().guidance).toContain('mainland');
    expect((await sendSmsRequests(emu)).at(-1)!.PhoneNumberSet).toEqual(['14155550100']);
    expect(await inbox(emu, '+8614155550100')).toHaveLength(1);
  });

  it('logto mode takes ui_locales as the space-separated list it is and sends [code, "fr en"]', async () => {
    const res = await sendTo({ phoneNumber: '+8613800138077', mode: 'logto', uiLocales: 'fr en' });
    expect(res.statusCode).toBe(201);
    expect(res.json().tencent.code).toBe('FailedOperation.TemplateParamSetNotMatchApprovedTemplate');
    expect(res.json().guidance).toContain('ui_locales');
    const params = (await sendSmsRequests(emu)).at(-1)!;
    expect(params.TemplateParamSet).toEqual([expect.stringMatching(/^\d{6}$/), 'fr en']);
    const bad = await sendTo({ phoneNumber: '+8613800138077', mode: 'logto', uiLocales: 'fr  en!' });
    expect(bad.statusCode).toBe(400);
  });

  it('answers 404 for an unknown connector', async () => {
    const res = await sendTo({ phoneNumber: CN }, '00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });

  it('proves receipt: a wrong code leaves 4 attempts, the right one verifies, and a verified send stays verified', async () => {
    const { id, code } = await sentCode('+8613600136000');
    const bad = await call('POST', `/api/test-sends/${id}/verify`, { code: wrong(code) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'CODE_MISMATCH', details: { attemptsLeft: 4 } });
    const good = await call('POST', `/api/test-sends/${id}/verify`, { code });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ verified: true });
    const got = await call('GET', `/api/test-sends/${id}`);
    expect(got.json()).toMatchObject({ verified: true, verifyAttemptsLeft: 3 });
    // A retried request with the right code gets the same answer; a wrong one cannot undo it.
    const again = await call('POST', `/api/test-sends/${id}/verify`, { code });
    expect([again.statusCode, again.json()]).toEqual([200, { verified: true }]);
    const wrongAfter = await call('POST', `/api/test-sends/${id}/verify`, { code: wrong(code) });
    expect(wrongAfter.statusCode).toBe(409);
    expect((await call('GET', `/api/test-sends/${id}`)).json()).toMatchObject({ verified: true });
  });

  it('counts wrong codes after the right one too: once they are spent, every code gets the same answer', async () => {
    const { id, code } = await sentCode('+8613600136002');
    // The right code took the first of the five attempts.
    expect((await call('POST', `/api/test-sends/${id}/verify`, { code })).json()).toEqual({ verified: true });
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const res = await call('POST', `/api/test-sends/${id}/verify`, { code: wrong(code) });
      answers.push([res.statusCode, res.json().error.code, res.json().error.details?.attemptsLeft]);
    }
    expect(answers).toEqual([
      [409, 'CONFLICT', 3],
      [409, 'CONFLICT', 2],
      [409, 'CONFLICT', 1],
      [409, 'CONFLICT', 0],
    ]);
    // No more guesses to tell apart: the right code and a wrong one answer alike.
    for (const guess of [code, wrong(code), wrong(wrong(code))]) {
      const res = await call('POST', `/api/test-sends/${id}/verify`, { code: guess });
      expect([res.statusCode, res.json().error.code]).toEqual([422, 'CODE_ATTEMPTS_EXHAUSTED']);
    }
    expect((await call('GET', `/api/test-sends/${id}`)).json()).toMatchObject({
      verified: true,
      verifyAttemptsLeft: 0,
    });
  });

  it('lets only the user who sent the code verify it; the history stays readable to others', async () => {
    const { id, code } = await sentCode('+8613600136003');
    const other = await stack.auth({ sub: 'user-other' });
    const refused = await call('POST', `/api/test-sends/${id}/verify`, { code }, other);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'not_sender' } });
    expect(refused.json().error.message).toMatch(/only the user who sent/i);
    // The refusal took no attempt and verified nothing; the other user still reads the send.
    const seen = await call('GET', `/api/test-sends/${id}`, undefined, other);
    expect(seen.json()).toMatchObject({ verified: false, verifyAttemptsLeft: 5 });
    expect((await call('POST', `/api/test-sends/${id}/verify`, { code })).json()).toEqual({ verified: true });
  });

  it('audits each verification, the wrong code and the right one, without the code', async () => {
    const { id, code } = await sentCode('+8613600136001');
    await call('POST', `/api/test-sends/${id}/verify`, { code: wrong(code) });
    await call('POST', `/api/test-sends/${id}/verify`, { code });
    const { items } = (await call('GET', '/api/audit-events?limit=3')).json() as {
      items: { action: string; actor: string; detail?: string }[];
    };
    // Newest first: the right code, the wrong one, the send itself.
    expect(items.map((e) => e.action)).toEqual([
      'test_send.verified',
      'test_send.verify_failed',
      'test_send.sent',
    ]);
    expect(items[1]?.detail).toContain('4 attempts left');
    for (const event of items.slice(0, 2)) {
      expect(event.actor).toBe(items[2]?.actor);
      expect(event.detail).toContain('6001');
      expect(event.detail).not.toContain(code);
    }
  });

  it('refuses even the right code after five wrong ones', async () => {
    const { id, code } = await sentCode('+8615012345678');
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const res = await call('POST', `/api/test-sends/${id}/verify`, { code: wrong(code) });
      answers.push([res.statusCode, res.json().error.code, res.json().error.details?.attemptsLeft]);
    }
    expect(answers).toEqual([
      [422, 'CODE_MISMATCH', 4],
      [422, 'CODE_MISMATCH', 3],
      [422, 'CODE_MISMATCH', 2],
      [422, 'CODE_MISMATCH', 1],
      [422, 'CODE_MISMATCH', 0],
    ]);
    const right = await call('POST', `/api/test-sends/${id}/verify`, { code });
    expect(right.statusCode).toBe(422);
    expect(right.json().error.code).toBe('CODE_ATTEMPTS_EXHAUSTED');
    expect((await call('GET', `/api/test-sends/${id}`)).json()).toMatchObject({
      verified: false,
      verifyAttemptsLeft: 0,
    });
  });

  it('counts parallel guesses atomically: never more than five', async () => {
    const { id, code } = await sentCode('+8618612345678');
    const results = await Promise.all(
      Array.from({ length: 12 }, () => call('POST', `/api/test-sends/${id}/verify`, { code: wrong(code) })),
    );
    const mismatches = results.filter((r) => r.json().error.code === 'CODE_MISMATCH');
    expect(mismatches).toHaveLength(5);
    expect(mismatches.map((r) => r.json().error.details.attemptsLeft).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(results.every((r) => r.statusCode === 422)).toBe(true);
    const row = await stack.app.db.kysely
      .selectFrom('testSends')
      .select('verifyAttempts')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.verifyAttempts).toBe(5);
    expect((await call('POST', `/api/test-sends/${id}/verify`, { code })).json().error.code).toBe(
      'CODE_ATTEMPTS_EXHAUSTED',
    );
  });

  it('lets a code expire after 10 minutes (the app on a clock the test moves)', async () => {
    const phone = '+8613500135000';
    const send = async (usageType: string) => {
      const res = await sendTo({ phoneNumber: phone, usageType });
      expect(res.json().status).toBe('sent');
      const code = await lastCode(emu, phone);
      codes.add(code);
      return { id: res.json().id as string, code };
    };
    const verifyLater = async (ms: number, id: string, code: string) => {
      clockOffset = ms;
      try {
        return await call('POST', `/api/test-sends/${id}/verify`, { code });
      } finally {
        clockOffset = 0;
      }
    };
    const late = await send('Register');
    const expired = await verifyLater(10 * 60_000 + 1000, late.id, late.code);
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.code).toBe('CODE_EXPIRED');
    // Just inside the window the same kind of code is accepted: the refusal was the clock, not the code.
    const fresh = await send('SignIn');
    const inTime = await verifyLater(10 * 60_000 - 1000, fresh.id, fresh.code);
    expect(inTime.statusCode).toBe(200);
    expect(inTime.json()).toEqual({ verified: true });
  });

  it('answers 404 for an unknown test send', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call('GET', `/api/test-sends/${unknown}`)).statusCode).toBe(404);
    const verify = await call('POST', `/api/test-sends/${unknown}/verify`, { code: '123456' });
    expect(verify.statusCode).toBe(404);
  });

  it('refreshes the delivery report from Tencent, keeps every report pulled, and asks Tencent only once', async () => {
    // Earlier sends' reports are in the queue too; start from an empty one.
    await call('GET', `/api/test-sends/${(await sentCode('+8613300133000')).id}`);
    const first = await sentCode('+8613100131000');
    const second = await sentCode('+8613200132000');
    const pullsBefore = await requestCount(emu, 'PullSmsSendStatus');
    const got = await call('GET', `/api/test-sends/${first.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().delivery).toMatchObject({ status: 'delivered', description: 'DELIVRD' });
    expect(Date.parse(got.json().delivery.receivedAt)).not.toBeNaN();
    expect(await requestCount(emu, 'PullSmsSendStatus')).toBe(pullsBefore + 1);

    expect((await call('GET', `/api/test-sends/${first.id}`)).json().delivery.status).toBe('delivered');
    // The second send's report came in the same batch: kept, so no second pull is needed.
    expect((await call('GET', `/api/test-sends/${second.id}`)).json().delivery).toMatchObject({
      status: 'delivered',
      description: 'DELIVRD',
    });
    expect(await requestCount(emu, 'PullSmsSendStatus')).toBe(pullsBefore + 1);
    const reports = await stack.app.db.kysely.selectFrom('deliveryReports').selectAll().execute();
    expect(reports.map((r) => r.phoneNumber)).toEqual(
      expect.arrayContaining(['+86 131****1000', '+86 132****2000']),
    );
    expect(JSON.stringify(reports)).not.toContain('13100131000');
  });

  it('leaves a send pending when the pull fails, without an error to the caller', async () => {
    const { id } = await sentCode('+8613400134000');
    await injectFault(emu, { kind: 'error', action: 'PullSmsSendStatus', code: 'InternalError.Timeout' });
    const res = await call('GET', `/api/test-sends/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().delivery.status).toBe('pending');
    expect((await call('GET', `/api/test-sends/${id}`)).json().delivery.status).toBe('delivered');
  });

  it('lists test sends newest first with a cursor, numbers masked', async () => {
    const other = await call('POST', '/api/connectors', devConnectorBody('History'));
    const id = other.json().id as string;
    const sent: string[] = [];
    for (const phone of ['+8613900000001', '+8613900000002', '+8613900000003']) {
      const res = await sendTo({ phoneNumber: phone, usageType: 'ForgotPassword' }, id);
      expect(res.statusCode).toBe(201);
      sent.push(res.json().id);
      codes.add(await lastCode(emu, phone));
    }
    const page1 = await call('GET', `/api/test-sends?connectorId=${id}&limit=2`);
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items.map((s: { id: string }) => s.id)).toEqual([sent[2], sent[1]]);
    expect(page1.json().items[0].phoneNumberMasked).toBe('+86 139****0003');
    expect(page1.json().nextCursor).toEqual(expect.any(String));
    const page2 = await call(
      'GET',
      `/api/test-sends?connectorId=${id}&limit=2&cursor=${encodeURIComponent(page1.json().nextCursor)}`,
    );
    expect(page2.json()).toEqual({ items: [expect.objectContaining({ id: sent[0] })], nextCursor: null });
    expect(page1.body + page2.body).not.toMatch(/13900000003|\+8613900000001/);
    const all = await call('GET', '/api/test-sends?limit=100');
    expect(all.json().items.length).toBeGreaterThan(3);
    const bad = await call('GET', '/api/test-sends?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('audits each send with usage type, mode, masked number and status', async () => {
    const res = await call('GET', `/api/audit-events?connectorId=${connectorId}&limit=100`);
    const details = res
      .json()
      .items.filter((e: { action: string }) => e.action === 'test_send.sent')
      .map((e: { detail: string }) => e.detail);
    expect(details).toContain('SignIn, smsdesk mode, +86 138****8000: sent');
    expect(details).toContain(
      'SignIn, logto mode, +86 138****8000: failed (FailedOperation.TemplateParamSetNotMatchApprovedTemplate)',
    );
  });

  it('lets a viewer read but not send or verify (403)', async () => {
    const viewer = await stack.auth({ sub: 'user-viewer', scope: 'read:connectors' });
    const send = await call(
      'POST',
      `/api/connectors/${connectorId}/test-sends`,
      { phoneNumber: CN, usageType: 'SignIn' },
      viewer,
    );
    expect(send.statusCode).toBe(403);
    expect(send.json().error.details.requiredScopes).toEqual(['send:sms']);
    const verify = await call(
      'POST',
      '/api/test-sends/00000000-0000-4000-8000-000000000000/verify',
      { code: '123456' },
      viewer,
    );
    expect(verify.statusCode).toBe(403);
    expect((await call('GET', '/api/test-sends', undefined, viewer)).statusCode).toBe(200);
    const sender = await stack.auth({ sub: 'user-sender', scope: 'send:sms' });
    expect((await call('GET', '/api/test-sends', undefined, sender)).statusCode).toBe(403);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await stack.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/connectors/{id}/test-sends',
        '/api/test-sends/{id}/verify',
        '/api/test-sends/{id}',
        '/api/test-sends',
      ]),
    );
  });
});
