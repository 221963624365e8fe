/**
 * Turns whatever the Tencent SDK (or our own timer) throws into an AppError. The SDK's failures come in
 * four shapes: a Tencent error reply (`code`), a non-200 status (`httpCode` only, body ignored), a
 * node-fetch `invalid-json` error (not wrapped), and a wrapped network error (no code, no httpCode).
 */
import { type AppError, createError } from '../errors.ts';
import { type GuidanceContext, tencentCodeError } from './errors.ts';
import type { TencentErrorDetails } from './gateway.ts';

/** Thrown by our own timer; kept distinct so it is never retried and maps to TENCENT_TIMEOUT. */
export class TencentTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Tencent did not answer within ${timeoutMs} ms`);
    this.name = 'TencentTimeoutError';
  }
}

/** A reply that parsed but is not what the action promises (e.g. no TemplateId after AddSmsTemplate). */
export class TencentBadReplyError extends Error {
  override name = 'TencentBadReplyError';
}

interface SdkErrorShape {
  code?: unknown;
  httpCode?: unknown;
  requestId?: unknown;
  type?: unknown;
  name?: unknown;
  message?: unknown;
}

function shape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

/** A network failure: the SDK wraps it without a Tencent code or an HTTP status. Only these are retried. */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof TencentTimeoutError || error instanceof TencentBadReplyError) return false;
  const e = shape(error);
  if (typeof e.code === 'string' && e.code !== '') return false;
  if (e.httpCode !== undefined) return false;
  // A raw FetchError escaped the SDK while reading the body: only a broken connection is a network error.
  if (e.name === 'FetchError') return e.type === 'system';
  if (error instanceof SyntaxError || error instanceof TypeError) return false;
  return error instanceof Error && !isSdkTimeout(error);
}

function isSdkTimeout(error: Error): boolean {
  return /network timeout|aborted/i.test(error.message);
}

export interface ToAppErrorContext extends GuidanceContext {
  action: string;
  endpoint: string;
  /** Removed from any message, in case something echoes it back. */
  secretKey: string;
}

export function toAppError(error: unknown, ctx: ToAppErrorContext): AppError {
  const e = shape(error);
  const requestId = typeof e.requestId === 'string' && e.requestId !== '' ? e.requestId : undefined;
  const raw = redact(typeof e.message === 'string' ? e.message : String(error), ctx.secretKey);

  if (error instanceof TencentTimeoutError || (error instanceof Error && isSdkTimeout(error) && !e.code)) {
    const timeoutMs = error instanceof TencentTimeoutError ? error.timeoutMs : undefined;
    return fail(
      'TENCENT_TIMEOUT',
      `Tencent did not answer ${ctx.action} in time${timeoutMs ? ` (${timeoutMs} ms)` : ''}`,
      {
        fix:
          ctx.action === 'SendSms'
            ? 'The message may still be delivered: check the phone before sending again. If this repeats, check connectivity to Tencent or raise TENCENT_SMS_TIMEOUT_MS.'
            : 'Try again; if this repeats, check connectivity to Tencent or raise TENCENT_SMS_TIMEOUT_MS.',
      },
    );
  }
  if (typeof e.code === 'string' && e.code !== '') {
    return tencentCodeError(e.code, raw, requestId, ctx);
  }
  if (typeof e.httpCode === 'number') {
    const status = e.httpCode;
    if (status >= 500) {
      return fail('TENCENT_UNAVAILABLE', `Tencent answered ${ctx.action} with HTTP ${status}`, {
        fix: 'Tencent (or a proxy in front of it) failed; try again in a minute.',
        ...(requestId ? { requestId } : {}),
      });
    }
    return fail(
      'TENCENT_BAD_REPLY',
      `${ctx.endpoint} answered ${ctx.action} with HTTP ${status}, not as the Tencent API does`,
      {
        fix: 'Tencent answers every API call with HTTP 200: check TENCENT_SMS_ENDPOINT and any proxy in between.',
      },
    );
  }
  if (
    error instanceof TencentBadReplyError ||
    (e.name === 'FetchError' && e.type !== 'system') ||
    error instanceof SyntaxError ||
    error instanceof TypeError
  ) {
    return fail(
      'TENCENT_BAD_REPLY',
      `${ctx.endpoint} did not answer ${ctx.action} with the Tencent API (${raw})`,
      {
        fix: 'Something other than Tencent answered (a captive portal, proxy or wrong URL): check TENCENT_SMS_ENDPOINT.',
      },
    );
  }
  return fail(
    'TENCENT_UNAVAILABLE',
    `Could not reach Tencent at ${ctx.endpoint} for ${ctx.action} (${raw})`,
    {
      fix: 'Check that the API server can reach the endpoint (DNS, firewall, proxy) and try again.',
    },
  );
}

function fail(
  code: Parameters<typeof createError>[0],
  message: string,
  details: TencentErrorDetails,
): AppError {
  return createError(code, message, details);
}

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('***') : text;
}
