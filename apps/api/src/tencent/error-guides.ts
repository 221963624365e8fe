/**
 * The one table from Tencent error codes to smsdesk error codes and advice for a person: every SendSms code
 * of DOMAIN.md in Tencent's own spellings, then prefix rules for the rest. Wording may name the template,
 * sign or number: `{template}`, `{sign}` and `{phone}` are filled by `guidanceFor` (errors.ts).
 */
import type { ErrorCode } from '../errors.ts';

export interface TencentErrorGuide {
  smsdeskCode: ErrorCode;
  message: string;
  fix: string;
}

const CAM_KEYS = 'Tencent Cloud console → CAM → API keys';

const SMS_ACCOUNT = 'the SMS console (console.cloud.tencent.com/smsv2)';
const UI_LOCALES =
  "If this was Logto: a sign-in request that carried ui_locales makes Logto's Tencent connector send it as a second value ([code, ui_locales]); keep ui_locales out of sign-in requests, or map a template that takes it.";

const rejected = (message: string, fix: string): TencentErrorGuide => ({
  smsdeskCode: 'TENCENT_REJECTED',
  message,
  fix,
});
const authFailed = (message: string, fix: string): TencentErrorGuide => ({
  smsdeskCode: 'TENCENT_AUTH_FAILED',
  message,
  fix,
});

/**
 * Every SendSms code of tencentcloud-sdk-go's sms/v20210111/errors.go that DOMAIN.md lists, in Tencent's
 * own spelling (`UnsuportedRegion`, `SerivceSuspendDueToArrears`): a corrected spelling would never match.
 */
export const tencentErrorGuide: Record<string, TencentErrorGuide> = {
  // Credentials and SDK app: the connector's configuration is wrong.
  'AuthFailure.SignatureFailure': authFailed(
    'Tencent rejected the request signature: the SecretKey does not belong to this SecretId',
    `Copy the SecretKey that belongs to this SecretId again (${CAM_KEYS}) into the connector.`,
  ),
  'AuthFailure.SignatureExpire': authFailed(
    "Tencent rejected the request as expired: this server's clock is more than 5 minutes off",
    "Synchronise the API server's clock (NTP); signatures are only valid within 5 minutes.",
  ),
  'AuthFailure.SecretIdNotFound': authFailed(
    'Tencent does not know this SecretId (it may have been deleted or disabled)',
    `Check the SecretId in the connector against ${CAM_KEYS}; create a new key if it was deleted.`,
  ),
  'AuthFailure.InvalidSecretId': authFailed(
    'The SecretId is not a valid Tencent Cloud API key id',
    `Paste the SecretId (it starts with AKID) from ${CAM_KEYS}, without spaces.`,
  ),
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail': authFailed(
    'The SMS SDK app id belongs to another Tencent Cloud account than these API keys',
    'Use the SdkAppId shown under SMS → Applications of the same account as the API keys (or keys of the account that owns the app).',
  ),
  'InvalidParameterValue.SdkAppIdNotExist': authFailed(
    'The SMS SDK app id does not exist',
    'Copy the SdkAppId (14000…) from SMS → Applications in the Tencent Cloud console.',
  ),
  'UnauthorizedOperation.SdkAppIdIsDisabled': authFailed(
    'The SMS SDK app is disabled at Tencent',
    `Enable the application under SMS → Applications in ${SMS_ACCOUNT}, or use an enabled one.`,
  ),
  'UnauthorizedOperation.RequestIpNotInWhitelist': authFailed(
    "The SMS app only accepts calls from listed IP addresses, and this server's is not one of them",
    "Add the API server's public IP to the application's IP allowlist under SMS → Applications, or remove the allowlist.",
  ),
  'UnauthorizedOperation.RequestPermissionDeny': authFailed(
    'These API keys or this account may not do this (a CAM permission, or a feature Tencent has not enabled, such as status pull)',
    'Give the key the QcloudSMSFullAccess policy in CAM; for PullSmsSendStatus ask Tencent support to enable it, or use the delivery callback.',
  ),
  'UnauthorizedOperation.SerivceSuspendDueToArrears': rejected(
    'Tencent suspended the SMS service of this account because it is in arrears',
    'Top up the Tencent Cloud account; SMS resumes once the balance is positive.',
  ),
  'UnauthorizedOperation.IndividualUserMarketingSmsPermissionDeny': rejected(
    'An individually verified (personal) account cannot send marketing SMS',
    'Use a verification-code template for Logto codes, or complete enterprise verification.',
  ),
  'FailedOperation.NotEnterpriseCertification': rejected(
    'This is an individually verified (personal) Tencent account: it cannot use the template and sign APIs (nor send international or marketing SMS)',
    `Manage templates and signs in ${SMS_ACCOUNT}, and prove each usage type with a test send; or complete enterprise verification.`,
  ),
  'FailedOperation.ProhibitSubAccountUse': rejected(
    "Only the account's main user may list all templates; these are a sub-account's keys",
    "Use the main account's keys for the full list, or let smsdesk read only the mapped templates by id.",
  ),
  // Templates.
  'FailedOperation.MissingTemplateToModify': {
    smsdeskCode: 'TEMPLATE_NOT_FOUND',
    message: '{template} does not exist at Tencent for this account',
    fix: 'Refresh the template list; the template may have been deleted or belong to another account.',
  },
  'FailedOperation.TemplateAlreadyPassedCheck': rejected(
    '{template} is already approved, and Tencent does not allow changing an approved template',
    'Add a new template with the changed text, wait for its approval, then map the new template.',
  ),
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': rejected(
    'The number of values sent does not match the variables of {template}',
    `Map a template whose variables ({1}…) match the values sent: Logto sends one value, the code. ${UI_LOCALES}`,
  ),
  'FailedOperation.TemplateIncorrectOrUnapproved': rejected(
    '{template} cannot be used: it is not approved (or not in effect) yet, or the request does not match the approved template',
    `Check the template's review status and its variables ({1}… must match the values sent); wait for approval or map another template. ${UI_LOCALES}`,
  ),
  'FailedOperation.TemplateUnapprovedOrNotExist': rejected(
    '{template} is not approved, or does not exist in this account',
    'Map the usage type to an approved template of the same account (SMS → Templates); a template under review works once approved.',
  ),
  'UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone': rejected(
    '{template} is a mainland China template and cannot be sent to the international number {phone}',
    'Send international numbers through a connector with international templates (and mainland numbers through this one).',
  ),
  'UnsupportedOperation.GlobalTemplateToChineseMainlandPhone': rejected(
    '{template} is an international template and cannot be sent to {phone}, which Tencent reads as a mainland China number',
    "Use a mainland connector for mainland numbers. A number sent without + (as Logto's Tencent connector sends every number) is read as mainland China.",
  ),
  'FailedOperation.SignatureIncorrectOrUnapproved': rejected(
    '{sign} is not an approved sign of this account',
    'Use the exact text of an approved sign (SMS → Signatures), not its id and without 【】; mainland sends need one.',
  ),
  'FailedOperation.ContainSensitiveWord': rejected(
    'The text of {template} with these values contains a word Tencent blocks',
    'Change the values or the template text.',
  ),
  'FailedOperation.MarketingSendTimeConstraint': rejected(
    'Marketing SMS may only be sent between 08:00 and 22:00 (China time)',
    'Send in those hours, or use a verification-code template for codes.',
  ),
  'InvalidParameterValue.TemplateParameterFormatError': rejected(
    'A value does not fit the verification-code template {template} (values must be 0–6 digits)',
    `Send only digits of up to 6 characters, or use a notification template for other values. ${UI_LOCALES}`,
  ),
  'InvalidParameterValue.TemplateParameterLengthLimit': rejected(
    'A value is longer than Tencent allows for one variable of {template} (personal accounts: 12 characters, 6 for new ones)',
    'Send shorter values; a 6-digit code always fits.',
  ),
  'InvalidParameterValue.ContentLengthLimit': rejected(
    'The text of {template} with these values is longer than Tencent allows',
    'Shorten the template or the values.',
  ),
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter': rejected(
    'A value sent into {template} contains a URL, which Tencent does not allow in variables',
    'Put links in the template text itself (reviewed by Tencent), not in a variable.',
  ),
  // The number.
  'InvalidParameterValue.IncorrectPhoneNumber': rejected(
    '{phone} is not a valid phone number for Tencent',
    "Use E.164 (+8613800138000); mainland numbers may also be 11 digits. International numbers need the + — Logto's Tencent connector sends them without it, so they fail.",
  ),
  'FailedOperation.PhoneNumberParseFail': rejected(
    'Tencent could not parse {phone}',
    'Use E.164 (+8613800138000); mainland numbers may also be 11 digits.',
  ),
  'FailedOperation.PhoneNumberInBlacklist': rejected(
    '{phone} is on the operator blacklist (the owner unsubscribed or complained)',
    'Test with another number; the owner has to contact their operator to be removed.',
  ),
  'UnsupportedOperation.UnsuportedRegion': rejected(
    'Tencent does not send SMS to the country or region of {phone}',
    "Check Tencent's list of supported countries and regions (SMS → International SMS pricing).",
  ),
  'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber': rejected(
    'The numbers mix mainland China and international numbers',
    'Send to mainland and international numbers separately; they use different templates and signs.',
  ),
  'MissingParameter.EmptyPhoneNumberSet': rejected(
    'No phone number was given to send to',
    'Enter at least one phone number.',
  ),
  // Balance and limits.
  'FailedOperation.InsufficientBalanceInSmsPackage': rejected(
    'The SMS package of this account has no messages left',
    'Buy an SMS package in the Tencent Cloud console.',
  ),
  'LimitExceeded.PhoneNumberCountLimit': rejected(
    'Too many phone numbers in one request (Tencent accepts at most 200)',
    'Send to at most 200 numbers at a time.',
  ),
  'LimitExceeded.PhoneNumberThirtySecondLimit': rejected(
    '{phone} already received this text within the last 30 seconds',
    'Wait 30 seconds before sending the same text to this number again.',
  ),
  'LimitExceeded.PhoneNumberOneHourLimit': rejected(
    '{phone} reached the hourly SMS limit of this account',
    'Wait an hour, or raise the limit under SMS → Settings → frequency limits.',
  ),
  'LimitExceeded.PhoneNumberDailyLimit': rejected(
    '{phone} reached the daily SMS limit of this account (Tencent: 10 per natural day by default)',
    'Try again tomorrow (China time), or raise the limit under SMS → Settings → frequency limits (enterprise accounts).',
  ),
  'LimitExceeded.PhoneNumberSameContentDailyLimit': rejected(
    '{phone} reached the daily limit for the same text',
    'Try again tomorrow (China time), or send a different text.',
  ),
  'LimitExceeded.DeliveryFrequencyLimit': rejected(
    '{phone} received too many messages in a short time',
    'Wait before sending to this number again, or adjust the limits under SMS → Settings.',
  ),
  'LimitExceeded.AppDailyLimit': rejected(
    'The SMS app reached its daily sending limit',
    'Try again tomorrow (China time), or raise the app limit under SMS → Settings.',
  ),
  'LimitExceeded.AppMainlandChinaDailyLimit': rejected(
    'The SMS app reached its daily limit for mainland China SMS',
    'Try again tomorrow (China time), or raise the limit under SMS → Settings.',
  ),
  'LimitExceeded.AppGlobalDailyLimit': rejected(
    'The SMS app reached its daily limit for international SMS',
    'Try again tomorrow (China time), or raise the limit under SMS → Settings.',
  ),
  'LimitExceeded.AppCountryOrRegionDailyLimit': rejected(
    'The SMS app reached its daily limit for the country or region of {phone}',
    'Try again tomorrow (China time), or raise the limit for that country under SMS → Settings.',
  ),
  'LimitExceeded.AppCountryOrRegionInBlacklist': rejected(
    'The country or region of {phone} is blocked in the settings of this SMS app',
    'Remove it from the blocked countries and regions under SMS → Settings if it should receive SMS.',
  ),
  'LimitExceeded.DailyLimit': rejected(
    'The daily SMS limit was reached',
    'Try again tomorrow (China time), or raise the limit under SMS → Settings.',
  ),
  // Request shape, throttling and Tencent's side.
  RequestLimitExceeded: {
    smsdeskCode: 'TENCENT_RATE_LIMITED',
    message: 'Tencent throttled the API calls of this account',
    fix: 'Wait a few seconds and try again; avoid refreshing in a loop.',
  },
  'InternalError.RequestTimeException': authFailed(
    "Tencent refused the request time: this server's clock is off",
    "Synchronise the API server's clock (NTP).",
  ),
  'FailedOperation.JsonParseFail': rejected(
    'Tencent could not parse the request',
    'Report it to smsdesk: the request it built was not valid JSON for Tencent.',
  ),
  'FailedOperation.FailResolvePacket': rejected(
    'Tencent could not read the request',
    'Try again; if it repeats, report it to smsdesk with the request id.',
  ),
  InvalidParameter: rejected(
    'Tencent rejected a parameter of the request',
    "Tencent's message names the parameter; correct it and try again.",
  ),
  UnknownParameter: rejected(
    'Tencent does not know a parameter of the request',
    "Tencent's message names it; the endpoint may offer another API version than 2021-01-11.",
  ),
  UnsupportedRegion: rejected(
    "The connector's region is not one Tencent serves the SMS API from",
    'Set the region to ap-guangzhou, ap-beijing or ap-nanjing (mainland) or ap-singapore.',
  ),
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
    prefix: 'MissingParameter',
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'The request lacked a parameter Tencent requires',
    fix: "Tencent's message names the parameter; check the connector's settings (SdkAppId, sign, template).",
  },
  {
    prefix: 'InvalidParameter',
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'Tencent rejected a parameter of the request',
    fix: "Tencent's message names the parameter; correct it and try again.",
  },
  {
    prefix: 'LimitExceeded',
    smsdeskCode: 'TENCENT_REJECTED',
    message: 'A Tencent limit was exceeded',
    fix: "Tencent's message says which limit; wait or adjust it in the SMS console.",
  },
];

export const unknownCode: TencentErrorGuide = {
  smsdeskCode: 'TENCENT_REJECTED',
  message: 'Tencent refused the request',
  fix: "Read Tencent's message; the code is explained at cloud.tencent.com/document/product/382/55981.",
};
