import { randomBytes } from 'node:crypto';
import { TencentError, invalidParameterValue } from '../envelope.ts';
import { limitMessages } from '../limits.ts';
import { optionalString, optionalStringArray, requireString, requireStringArray } from '../params.ts';
import { type ParsedPhone, parsePhone } from '../phone.ts';
import type { Template } from '../store.ts';
import { isVerificationParam, renderMessage, variableCount } from '../template-rules.ts';
import { type ActionContext, type ActionHandler, assertOwnSdkAppId } from './context.ts';

// Tencent splits SendSms failures in two: request-level problems are a top-level error (the SDK throws,
// Logto's connector reports "Code: Message"), while anything about template, sign, number, balance or
// frequency is reported per number in SendStatusSet (Logto: "Code: Message, RequestId: …"). The codes are
// the ones tencentcloud-sdk-go's sms/v20210111/errors.go documents, in Tencent's own spelling.

const MAX_NUMBERS = 200;
const MAX_SESSION_CONTEXT_BYTES = 512;
/** Characters per variable value Tencent allows an individually verified account. */
const PERSONAL_PARAM_LENGTH = 12;
/** Rendered text longer than this is refused (Tencent splits long SMS; the emulator caps the total). */
const MAX_CONTENT_LENGTH = 500;

interface NumberFailure {
  code: string;
  message: string;
}

const fail = (code: string, message: string): NumberFailure => ({ code, message });

/** Template, parameter and sign problems: they do not depend on the number, yet Tencent reports them per number. */
function checkTemplate(
  template: Template | undefined,
  templateParams: string[],
  international: 0 | 1,
  personal: boolean,
): NumberFailure | undefined {
  if (!template || template.statusCode === 1 || template.statusCode === -1) {
    return fail(
      'FailedOperation.TemplateUnapprovedOrNotExist',
      'the template is not approved or does not exist',
    );
  }
  if (template.statusCode !== 0) {
    return fail(
      'FailedOperation.TemplateIncorrectOrUnapproved',
      'the template is approved but not in effect yet, or the request does not match the approved template',
    );
  }
  if (template.international === 0 && international === 1) {
    return fail(
      'UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone',
      'a Chinese mainland template cannot be sent to an international (or Hong Kong, Macao, Taiwan) number',
    );
  }
  if (template.international === 1 && international === 0) {
    return fail(
      'UnsupportedOperation.GlobalTemplateToChineseMainlandPhone',
      'an international template cannot be sent to a Chinese mainland number',
    );
  }
  const expected = variableCount(template.templateContent);
  if (templateParams.length !== expected) {
    return fail(
      'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
      `the request does not match the approved template: it has ${expected} variable(s) but TemplateParamSet has ${templateParams.length}`,
    );
  }
  if (templateParams.some((p) => /https?:\/\/|www\./i.test(p))) {
    return fail(
      'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter',
      'template parameters must not contain a URL',
    );
  }
  if (template.smsType === 3 && !templateParams.every(isVerificationParam)) {
    return fail(
      'InvalidParameterValue.TemplateParameterFormatError',
      'verification code template parameter format error: parameters must be 0 to 6 digits',
    );
  }
  if (personal && templateParams.some((p) => [...p].length > PERSONAL_PARAM_LENGTH)) {
    return fail(
      'InvalidParameterValue.TemplateParameterLengthLimit',
      `a single template parameter of an individually verified account is limited to ${PERSONAL_PARAM_LENGTH} characters`,
    );
  }
  if (renderMessage(template.templateContent, templateParams, undefined).length > MAX_CONTENT_LENGTH) {
    return fail(
      'InvalidParameterValue.ContentLengthLimit',
      `the message content exceeds ${MAX_CONTENT_LENGTH} characters`,
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

/** Problems of one number before anything is sent to it. */
function checkNumber(ctx: ActionContext, parsed: ParsedPhone): NumberFailure | undefined {
  if (!parsed.valid) return fail('InvalidParameterValue.IncorrectPhoneNumber', 'incorrect number format');
  if (ctx.store.modeOf(ctx.account.secretId).blacklist.includes(parsed.e164)) {
    return fail('FailedOperation.PhoneNumberInBlacklist', 'the phone number is in the blacklist');
  }
  if (parsed.region === 'international' && ctx.store.unsupportedCountries.includes(parsed.isoCode)) {
    return fail(
      'UnsupportedOperation.UnsuportedRegion',
      `SMS delivery to this country or region (${parsed.isoCode}) is not supported`,
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
  if (Buffer.byteLength(sessionContext, 'utf8') >= MAX_SESSION_CONTEXT_BYTES) {
    throw invalidParameterValue(
      'SessionContext',
      '…',
      `must be shorter than ${MAX_SESSION_CONTEXT_BYTES} bytes`,
    );
  }

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

  const mode = store.modeOf(ctx.account.secretId);
  const personal = mode.verification === 'personal';
  const templateId = /^\d+$/.test(templateIdText) ? Number(templateIdText) : Number.NaN;
  const template = store.templateOf(ctx.account.secretId, templateId);
  if (personal && international === 1) {
    throw new TencentError(
      'UnauthorizedOperation.RequestPermissionDeny',
      'individually verified accounts cannot send international SMS',
    );
  }
  if (personal && template?.smsType === 1) {
    throw new TencentError(
      'UnauthorizedOperation.IndividualUserMarketingSmsPermissionDeny',
      'individually verified accounts cannot send marketing SMS',
    );
  }
  const shared =
    checkTemplate(template, templateParams, international, personal) ??
    (international === 0 ? checkSign(ctx, signName) : undefined);
  const content = `${templateIdText}\u0000${templateParams.join('\u0000')}`;

  const SendStatusSet = phones.map(({ raw, parsed }) => {
    const now = store.now();
    // Tencent echoes each number as it was sent (Logto's `8613800138000` stays without a plus).
    const status = (failure: NumberFailure) => {
      store.submissions.push({ sdkAppId, at: now, fee: 0, ok: false });
      return {
        SerialNo: '',
        PhoneNumber: raw,
        Fee: 0,
        SessionContext: sessionContext,
        Code: failure.code,
        Message: failure.message,
        IsoCode: parsed.valid ? parsed.isoCode : 'DEF',
      };
    };
    const numberProblem = checkNumber(ctx, parsed);
    if (numberProblem) return status(numberProblem);
    if (!parsed.valid)
      return status(fail('InvalidParameterValue.IncorrectPhoneNumber', 'incorrect number format'));
    if (shared || !template) {
      return status(shared ?? fail('FailedOperation.TemplateUnapprovedOrNotExist', 'template not found'));
    }
    if (mode.smsPackage !== null && mode.smsPackage <= 0) {
      return status(
        fail('FailedOperation.InsufficientBalanceInSmsPackage', 'insufficient balance in the SMS package'),
      );
    }
    const limitKey = `${sdkAppId}|${parsed.e164}`;
    const limited = store.limiter.check(limitKey, content, now);
    if (limited) return status(fail(limited, limitMessages[limited]));

    store.limiter.record(limitKey, content, now);
    if (mode.smsPackage !== null) mode.smsPackage -= 1;
    store.submissions.push({ sdkAppId, at: now, fee: 1, ok: true });
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
      PhoneNumber: raw,
      Fee: 1,
      SessionContext: sessionContext,
      Code: 'Ok',
      Message: 'send success',
      IsoCode: parsed.isoCode,
    };
  });
  return { SendStatusSet };
};
