/**
 * Every error code the API can answer with, its HTTP status and what it means. The error handler turns
 * an `AppError` into the shared error body; `test/plugins/errors.test.ts` checks every code is documented.
 */
export const errorCodes = {
  VALIDATION_FAILED: {
    status: 400,
    doc: 'The request does not match its schema; details list each field and rule.',
  },
  BAD_REQUEST: { status: 400, doc: 'A client error without a more specific code (e.g. from a plugin).' },
  UNAUTHORIZED: { status: 401, doc: 'No valid access token or session.' },
  FORBIDDEN: {
    status: 403,
    doc: "The token lacks a scope the route needs (details name it), or the resource is another user's (a test send only its sender may verify).",
  },
  CSRF_REJECTED: { status: 403, doc: 'An unsafe method on a cookie session from another origin.' },
  NOT_FOUND: { status: 404, doc: 'No such route or resource.' },
  METHOD_NOT_ALLOWED: { status: 405, doc: 'The route exists but not with this method.' },
  CONFLICT: { status: 409, doc: 'The request conflicts with the current state (e.g. a duplicate name).' },
  TEMPLATE_LOCKED: { status: 409, doc: 'Tencent forbids changing a template once it is approved.' },
  TEMPLATE_IN_USE: {
    status: 409,
    doc: 'A connector maps a usage type to this template; pass ?force=true to delete anyway.',
  },
  VERSION_CONFLICT: { status: 412, doc: 'If-Match names a version that is not current; details carry it.' },
  PRECONDITION_FAILED: { status: 412, doc: 'A conditional header of a static file request does not hold.' },
  REQUEST_TIMEOUT: { status: 408, doc: 'The request did not arrive within HTTP_REQUEST_TIMEOUT_MS.' },
  URI_TOO_LONG: { status: 414, doc: 'A part of the path (an id) is longer than the API accepts.' },
  HEADERS_TOO_LARGE: { status: 431, doc: 'The URL and headers together are larger than 16 KB.' },
  PAYLOAD_TOO_LARGE: { status: 413, doc: 'The body is larger than the API accepts.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, doc: 'The body is not JSON.' },
  RANGE_NOT_SATISFIABLE: { status: 416, doc: 'The Range header asks for bytes the file does not have.' },
  PRECONDITION_REQUIRED: { status: 428, doc: 'The update needs an If-Match header with the current ETag.' },
  CODE_MISMATCH: {
    status: 422,
    doc: 'The code does not match the one sent; details carry the attempts left.',
  },
  CODE_EXPIRED: { status: 422, doc: 'The code of this test send has expired (10 minutes).' },
  CODE_ATTEMPTS_EXHAUSTED: { status: 422, doc: 'Five wrong codes were entered for this test send.' },
  RATE_LIMITED: { status: 429, doc: 'Too many requests; Retry-After says when to try again.' },
  TEMPLATE_NOT_FOUND: {
    status: 404,
    doc: 'No template is mapped (or exists at Tencent) for this usage type or id.',
  },
  TENCENT_AUTH_FAILED: {
    status: 422,
    doc: "Tencent refused the connector's credentials or SDK app id; details carry Tencent's code and the fix.",
  },
  TENCENT_REJECTED: {
    status: 422,
    doc: "Tencent refused the request by one of its rules; details carry Tencent's code and the fix.",
  },
  TENCENT_RATE_LIMITED: { status: 429, doc: 'Tencent throttled the account (RequestLimitExceeded).' },
  TENCENT_UNAVAILABLE: { status: 502, doc: 'Tencent could not be reached or failed on its side.' },
  TENCENT_BAD_REPLY: { status: 502, doc: 'Something answered in place of Tencent, but not with its API.' },
  TENCENT_TIMEOUT: { status: 504, doc: 'Tencent did not answer within TENCENT_SMS_TIMEOUT_MS.' },
  INTERNAL: { status: 500, doc: 'Something unexpected failed; the log has the request id.' },
  SERVICE_UNAVAILABLE: { status: 503, doc: 'A dependency is down.' },
  LOGTO_UNAVAILABLE: {
    status: 503,
    doc: "Logto cannot be reached to confirm or refresh a session (503, Retry-After says when to try again); a Logto tenant's Management API cannot be reached or failed on its side (502).",
  },
  LOGTO_AUTH_FAILED: {
    status: 422,
    doc: "A Logto tenant refused smsdesk's M2M app (credentials, resource or the `all` permission); Logto's message is kept.",
  },
  LOGTO_REJECTED: {
    status: 422,
    doc: "A Logto tenant refused the request by its own rules (e.g. its connector's config guard); Logto's message and code are in details.",
  },
  LOGTO_SMS_CONNECTOR_EXISTS: {
    status: 409,
    doc: 'The tenant has another SMS connector, which Logto would delete on push; details name it; send replaceExisting: true to replace it.',
  },
  LOGTO_CONFIG_UNSUPPORTED: {
    status: 422,
    doc: "The tenant's Tencent connector config does not fit a smsdesk profile (import); details list the fields.",
  },
  LOGTO_TIMEOUT: {
    status: 504,
    doc: "A Logto tenant's Management API did not answer within LOGTO_MANAGEMENT_TIMEOUT_MS.",
  },
} as const satisfies Record<string, { status: number; doc: string }>;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
    /** Only where a code's doc names a second status (LOGTO_UNAVAILABLE: 503 for sessions, 502 for tenants). */
    status?: number,
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = status ?? errorCodes[code].status;
  }
}

export function createError(
  code: ErrorCode,
  message: string,
  details?: unknown,
  headers?: Record<string, string>,
  status?: number,
) {
  return new AppError(code, message, details, headers, status);
}
