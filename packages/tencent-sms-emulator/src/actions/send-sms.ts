import { randomBytes } from 'node:crypto';
import { TencentError } from '../envelope.ts';
import { limitMessages } from '../limits.ts';
import { optionalString, optionalStringArray, requireString, requireStringArray } from '../params.ts';
import { parsePhone } from '../phone.ts';
import type { Template } from '../store.ts';
import { isVerificationParam, renderMessage, variableCount } from '../template-rules.ts';
import { type ActionContext, type ActionHandler, assertOwnSdkAppId } from './context.ts';

// Tencent splits SendSms failures in two: request-level problems are a top-level error (the SDK throws),
// while anything about template, sign, number or frequency is reported per number in SendStatusSet.

const MAX_NUMBERS = 200;

interface NumberFailure {
  code: string;
  message: string;
}

const fail = (code: string, message: string): NumberFailure => ({ code, message });

const TEMPLATE_UNAPPROVED = 'FailedOperation.TemplateIncorrectOrUnapproved';
const TEMPLATE_UNAPPROVED_MESSAGE =
  'template is not approved or request content does not match the approved template content';

function checkTemplate(
  template: Template | undefined,
  templateParams: string[],
  international: 0 | 1,
): NumberFailure | undefined {
  if (template?.statusCode !== 0 || template.international !== international) {
    return fail(TEMPLATE_UNAPPROVED, TEMPLATE_UNAPPROVED_MESSAGE);
  }
  const expected = variableCount(template.templateContent);
  if (templateParams.length !== expected) {
    return fail(
      TEMPLATE_UNAPPROVED,
      `${TEMPLATE_UNAPPROVED_MESSAGE}: the template has ${expected} variable(s) but TemplateParamSet has ${templateParams.length}`,
    );
  }
  if (template.smsType === 3 && !templateParams.every(isVerificationParam)) {
    return fail(
      'InvalidParameterValue.TemplateParameterFormatError',
      'verification code template parameter format error: parameters must be 0 to 6 digits',
    );
  }
  return undefined;
}

function checkSign(ctx: ActionContext, signName: string | undefined): NumberFailure | undefined {
  const sign = ctx.store.signs.find(
    (s) => s.owner === ctx.account.secretId && s.international === 0 && s.signName === signName,
  );
  if (!signName || !sign || sign.statusCode !== 0) {
    return fail(
      'FailedOperation.SignatureIncorrectOrUnapproved',
      'signature format is incorrect or signature is not approved',
    );
  }
  return undefined;
}

const serialNo = (): string => `2433:${randomBytes(12).toString('hex')}`;

export const sendSms: ActionHandler = (ctx) => {
  const { params, store } = ctx;
  const phoneNumbers = requireStringArray(params, 'PhoneNumberSet');
  const sdkAppId = requireString(params, 'SmsSdkAppId');
  const templateIdText = requireString(params, 'TemplateId');
  const signName = optionalString(params, 'SignName');
  const templateParams = optionalStringArray(params, 'TemplateParamSet') ?? [];
  const sessionContext = optionalString(params, 'SessionContext') ?? '';
  optionalString(params, 'ExtendCode');
  optionalString(params, 'SenderId');

  assertOwnSdkAppId(ctx, sdkAppId);
  if (phoneNumbers.length === 0) {
    throw new TencentError(
      'MissingParameter.EmptyPhoneNumberSet',
      'PhoneNumberSet must contain at least one number.',
    );
  }
  if (phoneNumbers.length > MAX_NUMBERS) {
    throw new TencentError(
      'LimitExceeded.PhoneNumberCountLimit',
      `the number of phone numbers in a single request exceeds the upper limit of ${MAX_NUMBERS}`,
    );
  }
  const phones = phoneNumbers.map((raw) => ({ raw, parsed: parsePhone(raw) }));
  const international = phones[0]?.parsed.region === 'international' ? 1 : 0;
  if (phones.some((p) => (p.parsed.region === 'international' ? 1 : 0) !== international)) {
    throw new TencentError(
      'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber',
      'the PhoneNumberSet contains both mainland China and international numbers',
    );
  }

  const templateId = /^\d+$/.test(templateIdText) ? Number(templateIdText) : Number.NaN;
  const template = store.templateOf(ctx.account.secretId, templateId);
  // Template and sign problems do not depend on the number but Tencent still reports them per number.
  const shared =
    checkTemplate(template, templateParams, international) ??
    (international === 0 ? checkSign(ctx, signName) : undefined);
  const content = `${templateIdText}\u0000${templateParams.join('\u0000')}`;

  const SendStatusSet = phones.map(({ raw, parsed }) => {
    const status = (failure: NumberFailure) => ({
      SerialNo: '',
      PhoneNumber: parsed.valid ? parsed.e164 : raw,
      Fee: 0,
      SessionContext: sessionContext,
      Code: failure.code,
      Message: failure.message,
      IsoCode: parsed.valid ? parsed.isoCode : '',
    });
    if (!parsed.valid)
      return status(fail('InvalidParameterValue.IncorrectPhoneNumber', 'incorrect number format'));
    if (shared || !template) return status(shared ?? fail(TEMPLATE_UNAPPROVED, TEMPLATE_UNAPPROVED_MESSAGE));
    const now = store.now();
    const limitKey = `${sdkAppId}|${parsed.e164}`;
    const limited = store.limiter.check(limitKey, content, now);
    if (limited) return status(fail(limited, limitMessages[limited]));

    store.limiter.record(limitKey, content, now);
    const sign = international === 0 ? signName : undefined;
    const serial = serialNo();
    store.messages.push({
      id: store.newMessageId(),
      phoneNumber: raw,
      e164: parsed.e164,
      text: renderMessage(template.templateContent, templateParams, sign),
      signName: sign ?? '',
      templateId: templateIdText,
      params: [...templateParams],
      serialNo: serial,
      sdkAppId,
      sentAt: new Date(now).toISOString(),
    });
    store.pushReport(sdkAppId, {
      UserReceiveTime: Math.floor((now + 300) / 1000),
      CountryCode: parsed.nationCode,
      SubscriberNumber: parsed.subscriber,
      PhoneNumber: parsed.e164,
      SerialNo: serial,
      ReportStatus: 'SUCCESS',
      Description: 'DELIVRD',
      SessionContext: sessionContext,
      NationCode: parsed.nationCode,
      PurePhoneNumber: parsed.subscriber,
    });
    return {
      SerialNo: serial,
      PhoneNumber: parsed.e164,
      Fee: 1,
      SessionContext: sessionContext,
      Code: 'Ok',
      Message: 'send success',
      IsoCode: parsed.isoCode,
    };
  });
  return { SendStatusSet };
};
