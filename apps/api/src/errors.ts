import type { ErrorCode } from '@smsdesk/shared/error-codes';
import type { ErrorDetails } from '@smsdesk/shared/schemas/errors';

export type { ErrorCode } from '@smsdesk/shared/error-codes';

/**
 * The HTTP status of every code (the codes and their details live in `packages/shared`; the README's
 * error table says what each means, and `test/app/error-codes.test.ts` keeps the three in step).
 */
export const errorStatuses = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  TEMPLATE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  TEMPLATE_LOCKED: 409,
  TEMPLATE_IN_USE: 409,
  LOGTO_SMS_CONNECTOR_EXISTS: 409,
  VERSION_CONFLICT: 412,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  CODE_MISMATCH: 422,
  CODE_EXPIRED: 422,
  CODE_ATTEMPTS_EXHAUSTED: 422,
  TENCENT_AUTH_FAILED: 422,
  TENCENT_REJECTED: 422,
  LOGTO_AUTH_FAILED: 422,
  LOGTO_REJECTED: 422,
  LOGTO_CONFIG_UNSUPPORTED: 422,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  TENCENT_RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  TENCENT_UNAVAILABLE: 502,
  TENCENT_BAD_REPLY: 502,
  SERVICE_UNAVAILABLE: 503,
  // 503 where a session cannot be confirmed; 502 where a Logto tenant's Management API is down (see below).
  LOGTO_UNAVAILABLE: 503,
  TENCENT_TIMEOUT: 504,
  LOGTO_TIMEOUT: 504,
} as const satisfies Record<ErrorCode, number>;

/** Codes that answer with a second status too, besides their own; the README's table lists both. */
export const otherStatuses: Partial<Record<ErrorCode, readonly number[]>> = { LOGTO_UNAVAILABLE: [502] };

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: C,
    message: string,
    readonly details?: ErrorDetails<C>,
    readonly headers?: Record<string, string>,
    /** Only a status of `otherStatuses` (LOGTO_UNAVAILABLE: 502 for tenants). */
    status?: number,
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = status ?? errorStatuses[code];
  }
}

export function createError<C extends ErrorCode>(
  code: C,
  message: string,
  details?: ErrorDetails<C>,
  headers?: Record<string, string>,
  status?: number,
): AppError<C> {
  return new AppError(code, message, details, headers, status);
}
