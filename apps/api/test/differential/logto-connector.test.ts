// The real @logto/connector-tencent-sms, unmodified, against the emulator, compared with smsdesk's
// Logto-exact send: the same request body to Tencent and the same outcome, for generated inputs.
import createTencentSmsConnector from '@logto/connector-tencent-sms';
import {
  seededTemplateIds,
  startTencentSmsEmulator,
  type TencentSmsEmulator,
} from '@smsdesk/tencent-sms-emulator';
import { routeTencentHost, type TencentHostRoute } from '@smsdesk/tencent-sms-emulator/tencent-host';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConnectorBody, logtoJsonOf } from '../fixtures/connectors.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { generousLimits, sendSmsRequests } from '../modules/test-sends/harness.ts';

const seed = Number(process.env.DIFF_SEED ?? Date.now() % 2_147_483_647);
console.log(`differential suite seed: ${seed} (DIFF_SEED=${seed} repeats it)`);

/** mulberry32: small, seedable. */
function random(s: number) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What a person types, and what Logto stores (digits with the calling code, no +).
const numbers: Record<string, string> = {
  '+8613800138000': '8613800138000',
  '13800138000': '8613800138000',
  '+14155550100': '14155550100',
  '+447911123456': '447911123456',
};
const usageTypes = ['SignIn', 'Register', 'ForgotPassword', 'Generic', 'BindMfa', 'MfaVerification'];
const uiLocales = [undefined, 'zh-CN', 'fr en'];
type DevBody = ReturnType<typeof devConnectorBody>;
type Body = Omit<DevBody, 'signName' | 'accessKeySecret' | 'sdkAppId'> & {
  signName: string;
  accessKeySecret: string;
  sdkAppId: string;
};
const variants: Record<string, (b: Body) => Body> = {
  working: (b) => b,
  wrongSign: (b) => ({ ...b, signName: 'nosuchsign' }),
  wrongSecret: (b) => ({ ...b, accessKeySecret: 'not-the-secret-0000000000000000' }),
  underReview: (b) => ({
    ...b,
    templates: b.templates.map((t) =>
      t.usageType === 'SignIn' ? { ...t, templateCode: seededTemplateIds.underReview } : t,
    ),
  }),
  twoVariables: (b) => ({
    ...b,
    templates: b.templates.map((t) =>
      t.usageType === 'Register' ? { ...t, templateCode: seededTemplateIds.twoVariables } : t,
    ),
  }),
  foreignSdkApp: (b) => ({ ...b, sdkAppId: '1400000002' }),
};

const outcomeOfLogto = (error: unknown): string => {
  const text = JSON.stringify({ ...(error as object), message: (error as Error).message });
  if (text.includes('template_not_found')) return 'template_not_found';
  return /([A-Z][A-Za-z]+(?:\.[A-Za-z]+)?): /.exec(text)?.[1] ?? `unclassified: ${text}`;
};

describe('the real Logto connector and smsdesk logto mode agree', () => {
  let emu: TencentSmsEmulator;
  let route: TencentHostRoute;
  let stack: TestStack;
  let admin: { authorization: string };
  const connectorIds = new Map<string, string>();

  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ reviewDelayMs: null, limits: false });
    route = await routeTencentHost({ emulatorUrl: emu.url });
    stack = await startTestStack('sqlite', { TENCENT_SMS_ENDPOINT: emu.url, ...generousLimits });
    admin = await stack.auth({ sub: 'user-admin' });
    for (const [name, change] of Object.entries(variants)) {
      const res = await stack.app.inject({
        method: 'POST',
        url: '/api/connectors',
        payload: change(devConnectorBody(`diff ${name}`)),
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

  it('same request body and same outcome for 60 generated inputs', async () => {
    const next = random(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    for (let i = 0; i < 60; i++) {
      const variant = pick(Object.keys(variants));
      const usageType = pick(usageTypes);
      const locales = pick(uiLocales);
      const typed = pick(Object.keys(numbers));
      const label = JSON.stringify({ seed, i, variant, usageType, locales, typed });
      const config = logtoJsonOf(variants[variant]!(devConnectorBody('x')) as DevBody);

      const before = (await sendSmsRequests(emu)).length;
      const connector = await createTencentSmsConnector({ getConfig: async () => config });
      const logto = await connector
        .sendMessage({
          to: numbers[typed]!,
          type: usageType,
          payload: { code: '123456', locale: 'en', ...(locales ? { uiLocales: locales } : {}) },
        })
        .then(
          () => 'Ok',
          (e: unknown) => outcomeOfLogto(e),
        );
      const logtoBodies = (await sendSmsRequests(emu)).slice(before);

      const res = await stack.app.inject({
        method: 'POST',
        url: `/api/connectors/${connectorIds.get(variant)}/test-sends`,
        payload: { phoneNumber: typed, usageType, mode: 'logto', ...(locales ? { uiLocales: locales } : {}) },
        headers: admin,
      });
      const smsdesk =
        res.statusCode === 201
          ? (res.json().tencent.code as string)
          : res.json().error?.code === 'TEMPLATE_NOT_FOUND'
            ? 'template_not_found'
            : `HTTP ${res.statusCode}: ${res.body}`;
      const smsdeskBodies = (await sendSmsRequests(emu)).slice(before + logtoBodies.length);

      expect(smsdesk, label).toBe(logto);
      const masked = (b: { TemplateParamSet: string[] }[]) =>
        b.map((x) => ({ ...x, TemplateParamSet: ['CODE', ...x.TemplateParamSet.slice(1)] }));
      expect(masked(smsdeskBodies), label).toEqual(masked(logtoBodies));
    }
  }, 120_000);
});
