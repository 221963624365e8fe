// The differential matrix of issue 12: connector variants (mainland and international, working and the
// failure set), the nine usage types, ui_locales, four numbers, and the real connector's send.
import { TemplateType } from '@logto/connector-kit';
import createTencentSmsConnector from '@logto/connector-tencent-sms';
import {
  devAccount,
  otherAccount,
  seededTemplateIds,
  type TencentSmsEmulator,
} from '@smsdesk/tencent-sms-emulator';
import { devConnectorBody } from '../fixtures/connectors.ts';

// Logto's own list, not smsdesk's (@smsdesk/shared usageTypes): the matrix is the oracle smsdesk is checked
// against, so it comes from the package the real connector uses; logto-connector.test.ts asserts they agree.
export const allUsageTypes = Object.values(TemplateType);
export const uiLocalesValues = [undefined, 'zh-CN', 'fr en'] as const;

/** What a person types → what Logto stores (digits with the calling code, no +) and who should get it. */
export const numbers: Record<string, { logto: string; e164: string }> = {
  '+8613800138000': { logto: '8613800138000', e164: '+8613800138000' },
  '13800138000': { logto: '8613800138000', e164: '+8613800138000' },
  '+14155550100': { logto: '14155550100', e164: '+14155550100' },
  '+447911123456': { logto: '447911123456', e164: '+447911123456' },
};

export interface ConnectorBody {
  name: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  region: string;
  sdkAppId: string;
  international: boolean;
  templates: { usageType: string; templateCode: string }[];
}

/** A template id that exists nowhere. */
export const missingTemplateId = '199999';

const mapAll = (templateCode: string) => allUsageTypes.map((usageType) => ({ usageType, templateCode }));
const replace = (b: ConnectorBody, usageType: string, templateCode: string): ConnectorBody => ({
  ...b,
  templates: b.templates.map((t) => (t.usageType === usageType ? { ...t, templateCode } : t)),
});

/**
 * Each variant from the dev connector. `intlTemplate` is an approved international `{1}` template made in
 * the emulator by `addInternationalTemplate`. `smsdeskRefuses`: smsdesk does not store such a profile (the
 * sign and region rules), so only the real connector's outcome is compared.
 */
export function variants(
  intlTemplate: string,
): Record<string, { body: ConnectorBody; smsdeskRefuses?: true }> {
  const base = (): ConnectorBody => ({ ...devConnectorBody('x'), international: false });
  const intl = (): ConnectorBody => ({ ...base(), international: true, templates: mapAll(intlTemplate) });
  return {
    working: { body: base() },
    allNine: { body: { ...base(), templates: mapAll(seededTemplateIds.generic) } },
    wrongSign: { body: { ...base(), signName: 'nosuchsign' } },
    wrongSecret: { body: { ...base(), accessKeySecret: 'not-the-secret-0000000000000000' } },
    underReview: { body: replace(base(), 'SignIn', seededTemplateIds.underReview) },
    rejected: { body: replace(base(), 'ForgotPassword', seededTemplateIds.rejected) },
    twoVariables: { body: replace(base(), 'Register', seededTemplateIds.twoVariables) },
    missingTemplate: { body: replace(base(), 'Generic', missingTemplateId) },
    foreignSdkApp: { body: { ...base(), sdkAppId: otherAccount.sdkAppId } },
    internationalWorking: { body: intl() },
    internationalMainlandTemplates: { body: { ...intl(), templates: mapAll(seededTemplateIds.signIn) } },
    internationalWrongSecret: { body: { ...intl(), accessKeySecret: 'not-the-secret-0000000000000000' } },
    unknownRegion: { body: { ...base(), region: 'ap-mars' }, smsdeskRefuses: true },
    bracketedSign: { body: { ...base(), signName: `【${devAccount.signName}】` }, smsdeskRefuses: true },
  };
}

export function addInternationalTemplate(emu: TencentSmsEmulator): string {
  const t = emu.store.addTemplate({
    owner: devAccount.secretId,
    templateName: 'Intl code',
    templateContent: 'Your verification code is {1}',
    smsType: 3,
    international: 1,
    remark: '',
  });
  emu.approveTemplate(t.templateId);
  return String(t.templateId);
}

export const logtoConfigOf = (b: ConnectorBody) => {
  const { accessKeyId, accessKeySecret, signName, region, sdkAppId, templates } = b;
  return { accessKeyId, accessKeySecret, signName, region, sdkAppId, templates };
};

/** The outcome class of the real connector's send: `Ok`, `template_not_found` or Tencent's code. */
export function outcomeOfLogto(error: unknown): string {
  const text = JSON.stringify({ ...(error as object), message: (error as Error).message });
  if (text.includes('template_not_found')) return 'template_not_found';
  return /([A-Z][A-Za-z]+(?:\.[A-Za-z]+)?): /.exec(text)?.[1] ?? `unclassified: ${text}`;
}

export async function realSend(
  body: ConnectorBody,
  to: string,
  type: string,
  uiLocales?: string,
): Promise<string> {
  const connector = await createTencentSmsConnector({ getConfig: async () => logtoConfigOf(body) });
  return connector
    .sendMessage({
      to,
      type,
      payload: { code: '123456', locale: 'en', ...(uiLocales ? { uiLocales } : {}) },
    })
    .then(
      () => 'Ok',
      (e: unknown) => outcomeOfLogto(e),
    );
}

/** mulberry32: small, seedable. */
export function random(s: number) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
