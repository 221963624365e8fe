// Plain constants, no schema library: the SPA may import the list into its bundle.
/**
 * Every code the API can answer with, in the order the README's error table lists them. Adding a code is
 * one line here: the typecheck then asks for its status in `apps/api/src/errors.ts` (and, when it carries
 * details, for its schema in `schemas/errors.ts`), and `apps/api/test/app/error-codes.test.ts` for its row
 * in the README's table.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'NOT_FOUND',
  'TEMPLATE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'REQUEST_TIMEOUT',
  'CONFLICT',
  'TEMPLATE_LOCKED',
  'TEMPLATE_IN_USE',
  'LOGTO_SMS_CONNECTOR_EXISTS',
  'VERSION_CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'UNSUPPORTED_MEDIA_TYPE',
  'RANGE_NOT_SATISFIABLE',
  'CODE_MISMATCH',
  'CODE_EXPIRED',
  'CODE_ATTEMPTS_EXHAUSTED',
  'TENCENT_AUTH_FAILED',
  'TENCENT_REJECTED',
  'LOGTO_AUTH_FAILED',
  'LOGTO_REJECTED',
  'LOGTO_CONFIG_UNSUPPORTED',
  'PRECONDITION_REQUIRED',
  'RATE_LIMITED',
  'TENCENT_RATE_LIMITED',
  'HEADERS_TOO_LARGE',
  'INTERNAL',
  'TENCENT_UNAVAILABLE',
  'TENCENT_BAD_REPLY',
  'SERVICE_UNAVAILABLE',
  'LOGTO_UNAVAILABLE',
  'TENCENT_TIMEOUT',
  'LOGTO_TIMEOUT',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
