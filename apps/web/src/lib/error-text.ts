import { ApiError } from './api-client.ts';
import { hasTranslation, translate } from './translate.ts';

/** What a notice says about an error: the sentence first, then what the user can do, then the code. */
export interface ErrorText {
  sentence: string;
  /** Extra guidance (the missing scope, when to retry, the API's own words when they add something). */
  hints: string[];
  /** The stable code for support, shown small and copyable; null for errors that are not the API's. */
  code: string | null;
}

const rateLimited = new Set(['RATE_LIMITED', 'TENCENT_RATE_LIMITED']);

/** Seconds until a 429 may be retried: the `Retry-After` header, else `details.retryAfterSeconds`. */
export function retryAfterSeconds(error: ApiError): number | null {
  const header = Number(error.headers?.get('retry-after'));
  if (Number.isFinite(header) && header > 0) return header;
  const detail = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof detail === 'number' && detail > 0 ? detail : null;
}

/** "in 59 minutes, at 19:52": a 429 never says "3520 s". */
export function retryText(seconds: number, language: string, now = Date.now()): string {
  const at = new Date(now + seconds * 1000);
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(at);
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 90
    ? translate('common:error.retryIn', { count: minutes, time })
    : translate('common:error.retryAt', {
        time: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at),
      });
}

export function describeError(error: unknown, language: string): ErrorText {
  if (!(error instanceof ApiError)) {
    return { sentence: error instanceof Error ? error.message : String(error), hints: [], code: null };
  }
  const known = hasTranslation(`common:error.codes.${error.code}`);
  const sentence = known ? translate(`common:error.codes.${error.code}`) : error.message;
  const hints: string[] = [];
  if (error.status === 403 && error.code === 'FORBIDDEN') {
    const scopes = (error.details as { requiredScopes?: string[] } | undefined)?.requiredScopes ?? [];
    if (scopes.length) hints.push(translate('common:error.missingScope', { scopes: scopes.join(', ') }));
  }
  if (rateLimited.has(error.code)) {
    const seconds = retryAfterSeconds(error);
    if (seconds !== null) hints.push(retryText(seconds, language));
  } else if (known && !['NETWORK_ERROR', 'HTTP_ERROR', 'FORBIDDEN', 'UNAUTHORIZED'].includes(error.code)) {
    // The API's sentence names the specifics (which name, which Tencent rule); it stays, below ours.
    const fix = (error.details as { fix?: unknown } | undefined)?.fix;
    hints.push(
      typeof fix === 'string' && !error.message.includes(fix) ? `${error.message} ${fix}` : error.message,
    );
  }
  const code = ['NETWORK_ERROR', 'HTTP_ERROR'].includes(error.code) ? null : error.code;
  return { sentence, hints, code };
}
