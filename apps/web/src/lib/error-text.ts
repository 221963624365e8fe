import { ApiError, isApiError } from './api-client.ts';
import { hasTranslation, translate } from './translate.ts';

/** What a notice says about an error: the sentence first, then what the user can do, then the code. */
export interface ErrorText {
  sentence: string;
  /** Extra guidance (the missing scope, when to retry, the API's own words when they add something). */
  hints: string[];
  /** The stable code for support, shown small and copyable; null for errors that are not the API's. */
  code: string | null;
}

const rateLimited = ['RATE_LIMITED', 'TENCENT_RATE_LIMITED'] as const;

/** Seconds until a 429 may be retried: the `Retry-After` header (the details name the limit, not the time). */
export function retryAfterSeconds(error: ApiError): number | null {
  const header = Number(error.headers?.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? header : null;
}

/** The API's own fix for the codes whose details carry one. */
function fixOf(details: unknown): string | null {
  return typeof details === 'object' &&
    details !== null &&
    'fix' in details &&
    typeof details.fix === 'string'
    ? details.fix
    : null;
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
  // A code this build does not know arrives as HTTP_ERROR with the API's words: those are the sentence.
  const known = error.reportedCode === error.code && hasTranslation(`common:error.codes.${error.code}`);
  const sentence = known ? translate(`common:error.codes.${error.code}`) : error.message;
  const hints: string[] = [];
  if (isApiError(error, 'FORBIDDEN') && error.details && 'requiredScopes' in error.details) {
    const scopes = error.details.requiredScopes;
    if (scopes.length) hints.push(translate('common:error.missingScope', { scopes: scopes.join(', ') }));
  }
  if (isApiError(error, ...rateLimited)) {
    const seconds = retryAfterSeconds(error);
    if (seconds !== null) hints.push(retryText(seconds, language));
  } else if (known && !isApiError(error, 'NETWORK_ERROR', 'HTTP_ERROR', 'FORBIDDEN', 'UNAUTHORIZED')) {
    // The API's sentence names the specifics (which name, which Tencent rule); it stays, below ours.
    const fix = fixOf(error.details);
    hints.push(fix && !error.message.includes(fix) ? `${error.message} ${fix}` : error.message);
  }
  const code = isApiError(error, 'NETWORK_ERROR') ? null : error.reportedCode;
  return { sentence, hints, code: code === 'HTTP_ERROR' ? null : code };
}
