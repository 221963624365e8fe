/**
 * The one table from Tencent error codes to smsdesk error codes and advice for a person. Top-level codes
 * (the SDK throws them) become AppErrors; per-number codes (SendStatusSet[].Code) are shown as guidance on
 * a failed test send. Wording may name the template, sign or number: `{template}`, `{sign}` and `{phone}`
 * are filled from the context given to `guidanceFor`.
 */
import { type AppError, type ErrorCode, createError } from '../errors.ts';
import type { TencentErrorDetails } from './gateway.ts';

export interface TencentErrorGuide {
  smsdeskCode: ErrorCode;
  message: string;
  fix: string;
}

export interface GuidanceContext {
  templateId?: string;
  signName?: string;
  phoneNumber?: string;
}

const CAM_KEYS = 'Tencent Cloud console → CAM → API keys';

export const tencentErrorGuide: Record<string, TencentErrorGuide> = {
  // Credentials and SDK app: the connector's configuration is wrong.
  'AuthFailure.SignatureFailure': {
    smsdeskCode: 'TENCENT_AUTH_FAILED',
    message: 'Tencent rejected the request signature: the SecretKey does not belong to this SecretId',
    fix: `Copy the SecretKey that belongs to this SecretId again (${CAM_KEYS}) into the connector.`,
  },
  'AuthFailure.SignatureExpire': {
    smsdeskCode: 'TENCENT_AUTH_FAILED',
    message: "Tencent rejected the request as expired: this server's clock is more than 5 minutes off",
    fix: "Synchronise the API server's clock (NTP); signatures are only valid within 5 minutes.",
  },
  'AuthFailure.SecretIdNotFound': {
    smsdeskCode: 'TENCENT_AUTH_FAILED',
    message: 'Tencent does not know this SecretId (it may have been deleted or disabled)',
    fix: `Check the SecretId in the connector against ${CAM_KEYS}; create a new key if it was deleted.`,
  },
  'AuthFailure.InvalidSecretId': {
    smsdeskCode: 'TENCENT_AUTH_FAILED',
    message: 'The SecretId is not a valid Tencent Cloud API key id',
    fix: `Paste the SecretId (it starts with AKID) from ${CAM_KEYS}, without spaces.`,
  },
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail': {
    smsdeskCode: 'TENCENT_AUTH_FAILED',
    message: 'The SMS SDK app id belongs to another Tencent Cloud account than these API keys',
    fix: 'Use the SdkAppId shown under SMS → Applications of the same account as the API keys (or keys of the account that owns the app).',
  },
  'InvalidParameterValue.SdkAppIdNotExist': {
    smsdeskCode: 'TENCENT_AUTH_FAILED',
    message: 'The SMS SDK app id does not exist',
    fix: 'Copy the SdkAppId (14000…) from SMS → Applications in the Tencent Cloud console.',
  },
  'UnauthorizedOperation.SerivceSuspendDueToArrears': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'Tencent suspended the SMS service of this account because it is in arrears',
    fix: 'Top up the Tencent Cloud account; SMS resumes once the balance is positive.',
  },
  // Templates.
  'FailedOperation.MissingTemplateToModify': {
    smsdeskCode: 'TEMPLATE_NOT_FOUND',
    message: '{template} does not exist at Tencent for this account',
    fix: 'Refresh the template list; the template may have been deleted or belong to another account.',
  },
  'FailedOperation.TemplateAlreadyPassedCheck': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: '{template} is already approved, and Tencent does not allow changing an approved template',
    fix: 'Add a new template with the changed text, wait for its approval, then map the new template.',
  },
  // Limits and request shape.
  RequestLimitExceeded: {
    smsdeskCode: 'TENCENT_RATE_LIMITED',
    message: 'Tencent throttled the API calls of this account',
    fix: 'Wait a few seconds and try again; avoid refreshing in a loop.',
  },
  InvalidParameter: {
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'Tencent rejected a parameter of the request',
    fix: "Tencent's message names the parameter; correct it and try again.",
  },
  'MissingParameter.EmptyPhoneNumberSet': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'No phone number was given to send to',
    fix: 'Enter at least one phone number.',
  },
  'LimitExceeded.PhoneNumberCountLimit': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'Too many phone numbers in one request (Tencent accepts at most 200)',
    fix: 'Send to at most 200 numbers at a time.',
  },
  'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'The numbers mix mainland China and international numbers',
    fix: 'Send to mainland and international numbers separately; they use different templates and signs.',
  },
  // Per number (SendStatusSet[].Code): shown on a failed test send.
  'FailedOperation.TemplateIncorrectOrUnapproved': {
    smsdeskCode: 'TENCENT_REJECTED',
    message:
      '{template} cannot be used: it is not approved yet, belongs to another SDK app or region, or the number of parameters does not match its variables',
    fix: "Check the template's review status and its variables ({1}… must match the values sent); Logto sends one value, or two when ui_locales is set. Wait for approval or map another template.",
  },
  'FailedOperation.SignatureIncorrectOrUnapproved': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: '{sign} is not an approved sign of this account',
    fix: 'Use the exact text of an approved sign (SMS → Signatures), not its id; mainland sends need one.',
  },
  'InvalidParameterValue.IncorrectPhoneNumber': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: '{phone} is not a valid phone number for Tencent',
    fix: 'Use E.164 (+8613800138000); mainland numbers may also be 11 digits. International numbers need the +.',
  },
  'InvalidParameterValue.TemplateParameterFormatError': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'A value does not fit the verification-code template {template} (values must be 0–6 digits)',
    fix: 'Send only digits of up to 6 characters, or use a notification template for other values.',
  },
  'LimitExceeded.PhoneNumberThirtySecondLimit': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: '{phone} already received this text within the last 30 seconds',
    fix: 'Wait 30 seconds before sending to this number again.',
  },
  'LimitExceeded.PhoneNumberOneHourLimit': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: '{phone} reached the hourly SMS limit of this account',
    fix: 'Wait an hour, or raise the limit under SMS → Settings → frequency limits.',
  },
  'LimitExceeded.PhoneNumberDailyLimit': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: '{phone} reached the daily SMS limit of this account',
    fix: 'Try again tomorrow (China time), or raise the limit under SMS → Settings → frequency limits.',
  },
  'LimitExceeded.PhoneNumberSameContentDailyLimit': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: '{phone} reached the daily limit for the same text',
    fix: 'Try again tomorrow (China time), or send a different text.',
  },
  'FailedOperation.InsufficientBalanceInSmsPackage': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'The SMS package of this account has no messages left',
    fix: 'Buy an SMS package in the Tencent Cloud console.',
  },
  'FailedOperation.PhoneNumberInBlacklist': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: '{phone} is on the operator blacklist (the owner unsubscribed or complained)',
    fix: 'Test with another number; the owner has to contact their operator to be removed.',
  },
  'FailedOperation.ContainSensitiveWord': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'The text of {template} with these values contains a word Tencent blocks',
    fix: 'Change the values or the template text.',
  },
  'UnsupportedOperation.UnsupportedRegion': {
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'Tencent does not send SMS to the country or region of {phone}',
    fix: "Check Tencent's list of supported countries and regions.",
  },
  // Not an SMS API at the configured endpoint.
  InvalidAction: {
    smsdeskCode: 'TENCENT_BAD_REPLY',
    message: 'The configured endpoint does not offer the Tencent SMS API actions',
    fix: 'Set TENCENT_SMS_ENDPOINT to https://sms.tencentcloudapi.com (or the emulator in development).',
  },
  NoSuchVersion: {
    smsdeskCode: 'TENCENT_BAD_REPLY',
    message: 'The configured endpoint does not offer SMS API version 2021-01-11',
    fix: 'Set TENCENT_SMS_ENDPOINT to https://sms.tencentcloudapi.com (or the emulator in development).',
  },
};

/** Fallbacks for codes not in the table, longest prefix first. */
export const tencentErrorPrefixRules: ReadonlyArray<TencentErrorGuide & { prefix: string }> = [
  {
    prefix: 'LimitExceeded.PhoneNumber',
    smsdeskCode: 'TENCENT_REJECTED',
    message: '{phone} reached a frequency limit of this account',
    fix: 'Wait before sending to this number again, or adjust the limits under SMS → Settings.',
  },
  {
    prefix: 'InternalError',
    smsdeskCode: 'TENCENT_UNAVAILABLE',
    message: 'Tencent failed on its side',
    fix: 'Try again in a minute; if it persists, check status.cloud.tencent.com.',
  },
  {
    prefix: 'AuthFailure',
    smsdeskCode: 'TENCENT_AUTH_FAILED',
    message: "Tencent refused the connector's API keys",
    fix: `Check the SecretId and SecretKey against ${CAM_KEYS}.`,
  },
  {
    prefix: 'UnauthorizedOperation',
    smsdeskCode: 'TENCENT_AUTH_FAILED',
    message: 'These API keys may not do this with this SMS app',
    fix: 'Give the key the QcloudSMSFullAccess policy in CAM, and use an SdkAppId of the same account.',
  },
  {
    prefix: 'LimitExceeded',
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'A Tencent limit was exceeded',
    fix: "Tencent's message says which limit; wait or adjust it in the SMS console.",
  },
];

const unknownCode: TencentErrorGuide = {
  smsdeskCode: 'TENCENT_REJECTED',
  message: 'Tencent refused the request',
  fix: "Read Tencent's message; the code is explained at cloud.tencent.com/document/product/382/55981.",
};

export function guideFor(tencentCode: string): TencentErrorGuide {
  const exact = tencentErrorGuide[tencentCode];
  if (exact) return exact;
  const rule = [...tencentErrorPrefixRules]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find((r) => tencentCode.startsWith(r.prefix));
  return rule ?? unknownCode;
}

/** Advice for a person about a Tencent code, naming the template, sign or number when known. */
export function guidanceFor(
  tencentCode: string,
  context: GuidanceContext = {},
): { message: string; fix: string } {
  const guide = guideFor(tencentCode);
  return { message: fill(guide.message, context), fix: fill(guide.fix, context) };
}

/** The AppError for a top-level Tencent error reply. */
export function tencentCodeError(
  tencentCode: string,
  tencentMessage: string,
  requestId: string | undefined,
  context: GuidanceContext = {},
): AppError {
  const guide = guideFor(tencentCode);
  const { message, fix } = guidanceFor(tencentCode, context);
  const details: TencentErrorDetails = { tencentCode, fix, ...(requestId ? { requestId } : {}) };
  const said = tencentMessage.trim() ? `: ${tencentMessage.trim()}` : '';
  return createError(guide.smsdeskCode, `${message} (Tencent ${tencentCode}${said})`, details);
}

function fill(text: string, context: GuidanceContext): string {
  const filled = text
    .replaceAll('{template}', context.templateId ? `template ${context.templateId}` : 'the template')
    .replaceAll('{sign}', context.signName ? `sign "${context.signName}"` : 'the sign')
    .replaceAll('{phone}', context.phoneNumber ?? 'the number');
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}
