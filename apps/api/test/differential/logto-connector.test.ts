// The real @logto/connector-tencent-sms, unmodified, against the emulator, compared with smsdesk's
// Logto-exact send: the same request body to Tencent and the same outcome, for inputs drawn from the whole
// matrix of issue 12 (nine usage types × ui_locales × four numbers × mainland/international × failures).
import { usageTypes } from '@smsdesk/shared/usage-types';
import { startTencentSmsEmulator, type TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { routeTencentHost, type TencentHostRoute } from '@smsdesk/tencent-sms-emulator/tencent-host';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../helpers/databases.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { generousLimits } from '../helpers/config.ts';
import { sendSmsRequests } from '../helpers/emulator.ts';
import {
  addInternationalTemplate,
  allUsageTypes,
  type ConnectorBody,
  numbers,
  random,
  realSend,
  uiLocalesValues,
  variants,
} from './matrix.ts';

const seed = Number(process.env.DIFF_SEED ?? Date.now() % 2_147_483_647);
console.log(`differential suite seed: ${seed} (DIFF_SEED=${seed} repeats it)`);
/** Inputs drawn per database; DIFF_INPUTS raises it for a longer run. */
const inputs = Number(process.env.DIFF_INPUTS ?? 90);

it("the matrix's usage types are @logto/connector-kit's TemplateType, exactly smsdesk's shared list", () => {
  expect(allUsageTypes).toHaveLength(9);
  expect([...allUsageTypes].sort()).toEqual([...usageTypes].sort());
});

describe.each(databaseKinds)('the real Logto connector and smsdesk logto mode agree on %s', (kind) => {
  let emu: TencentSmsEmulator;
  let route: TencentHostRoute;
  let stack: TestStack;
  let admin: { authorization: string };
  let matrix: ReturnType<typeof variants>;
  const connectorIds = new Map<string, string>();

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ reviewDelayMs: null, limits: false });
    route = await routeTencentHost({ emulatorUrl: emu.url });
    stack = await startTestStack(kind, { TENCENT_SMS_ENDPOINT: emu.url, ...generousLimits });
    admin = await stack.auth({ sub: 'user-admin' });
    matrix = variants(addInternationalTemplate(emu));
    for (const [name, { body, smsdeskRefuses }] of Object.entries(matrix)) {
      if (smsdeskRefuses) continue;
      const res = await stack.app.inject({
        method: 'POST',
        url: '/api/connectors',
        payload: { ...body, name: `diff ${name}` },
        headers: admin,
      });
      expect(res.statusCode, res.body).toBe(201);
      connectorIds.set(name, res.json().id);
    }
  });
  afterAll(async () => {
    await route?.close();
    await stack?.close();
    await emu?.close();
  });

  async function smsdeskSend(variant: string, typed: string, usageType: string, uiLocales?: string) {
    const res = await stack.app.inject({
      method: 'POST',
      url: `/api/connectors/${connectorIds.get(variant)}/test-sends`,
      payload: { phoneNumber: typed, usageType, mode: 'logto', ...(uiLocales ? { uiLocales } : {}) },
      headers: admin,
    });
    if (res.statusCode === 201) return res.json().tencent.code as string;
    if (res.json().error?.code === 'TEMPLATE_NOT_FOUND') return 'template_not_found';
    return `HTTP ${res.statusCode}: ${res.body}`;
  }

  it(`same request body and same outcome for ${inputs} inputs drawn from the whole matrix`, async () => {
    const next = random(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const stored = Object.keys(matrix).filter((v) => !matrix[v]?.smsdeskRefuses);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < inputs; i++) {
      const variant = pick(stored);
      const usageType = pick(allUsageTypes);
      const locales = pick(uiLocalesValues);
      const typed = pick(Object.keys(numbers));
      const label = JSON.stringify({ seed, i, variant, usageType, locales, typed });
      const body = matrix[variant]!.body;

      const before = (await sendSmsRequests(emu)).length;
      const logto = await realSend(body, numbers[typed]!.logto, usageType, locales);
      const logtoBodies = (await sendSmsRequests(emu)).slice(before);
      const smsdesk = await smsdeskSend(variant, typed, usageType, locales);
      const smsdeskBodies = (await sendSmsRequests(emu)).slice(before + logtoBodies.length);

      expect(smsdesk, label).toBe(logto);
      const masked = (b: { TemplateParamSet: string[] }[]) =>
        b.map((x) => ({ ...x, TemplateParamSet: ['CODE', ...x.TemplateParamSet.slice(1)] }));
      expect(masked(smsdeskBodies), label).toEqual(masked(logtoBodies));
      outcomes.set(logto, (outcomes.get(logto) ?? 0) + 1);
    }
    console.log(
      `differential outcomes (${kind}, seed ${seed}): ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
  }, 240_000);

  it('the documented codes of the matrix come out of the real connector and smsdesk alike', async () => {
    // One fixed input per failure, so every run covers them whatever the seed draws.
    const cases: [
      variant: string,
      typed: string,
      usageType: string,
      locales: string | undefined,
      code: string,
    ][] = [
      ['working', '+8613800138000', 'SignIn', undefined, 'Ok'],
      [
        'working',
        '+8613800138000',
        'SignIn',
        'fr en',
        'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
      ],
      ['working', '+8613800138000', 'BindMfa', undefined, 'template_not_found'],
      ['working', '+14155550100', 'SignIn', undefined, 'Ok'],
      ['working', '+447911123456', 'SignIn', undefined, 'InvalidParameterValue.IncorrectPhoneNumber'],
      ['allNine', '13800138000', 'OrganizationInvitation', undefined, 'Ok'],
      ['underReview', '+8613800138000', 'SignIn', undefined, 'FailedOperation.TemplateUnapprovedOrNotExist'],
      [
        'rejected',
        '+8613800138000',
        'ForgotPassword',
        undefined,
        'FailedOperation.TemplateUnapprovedOrNotExist',
      ],
      [
        'missingTemplate',
        '+8613800138000',
        'Generic',
        undefined,
        'FailedOperation.TemplateUnapprovedOrNotExist',
      ],
      [
        'twoVariables',
        '+8613800138000',
        'Register',
        undefined,
        'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
      ],
      ['wrongSign', '+8613800138000', 'SignIn', undefined, 'FailedOperation.SignatureIncorrectOrUnapproved'],
      ['wrongSecret', '+8613800138000', 'SignIn', undefined, 'AuthFailure.SignatureFailure'],
      ['foreignSdkApp', '+8613800138000', 'SignIn', undefined, 'UnauthorizedOperation.SmsSdkAppIdVerifyFail'],
      [
        'internationalWorking',
        '+14155550100',
        'SignIn',
        undefined,
        'UnsupportedOperation.GlobalTemplateToChineseMainlandPhone',
      ],
      [
        'internationalWorking',
        '+447911123456',
        'SignIn',
        undefined,
        'InvalidParameterValue.IncorrectPhoneNumber',
      ],
      ['internationalMainlandTemplates', '+14155550100', 'SignIn', undefined, 'Ok'],
    ];
    for (const [variant, typed, usageType, locales, code] of cases) {
      const label = JSON.stringify({ variant, typed, usageType, locales });
      const logto = await realSend(matrix[variant]!.body, numbers[typed]!.logto, usageType, locales);
      expect(logto, label).toBe(code);
      expect(await smsdeskSend(variant, typed, usageType, locales), label).toBe(code);
    }
  });

  it('what smsdesk refuses to store (unknown region, bracketed sign), the real connector cannot send with', async () => {
    const expected: Record<string, [field: string, code: string]> = {
      unknownRegion: ['body.region', 'UnsupportedRegion'],
      bracketedSign: ['body.signName', 'FailedOperation.SignatureIncorrectOrUnapproved'],
    };
    for (const [variant, [field, code]] of Object.entries(expected)) {
      const body = matrix[variant]!.body as ConnectorBody;
      const res = await stack.app.inject({
        method: 'POST',
        url: '/api/connectors',
        payload: { ...body, name: `refused ${variant}` },
        headers: admin,
      });
      expect(res.statusCode, variant).toBe(400);
      expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      expect(await realSend(body, '8613800138000', 'SignIn'), variant).toBe(code);
    }
  });
});
