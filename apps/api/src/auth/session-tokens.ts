import { LogtoError, LogtoRequestError } from '@logto/node';
import type { Config } from '../config.ts';
import { createError } from '../errors.ts';
import type { LoadedSession, Sessions } from '../plugins/session.ts';
import { bagOf, logtoClientFor, sessionStorage } from './logto-session.ts';

/** Seconds a client should wait before trying again when Logto cannot be reached. */
export const logtoRetryAfterSeconds = 10;

export function logtoUnavailable() {
  return createError(
    'LOGTO_UNAVAILABLE',
    'Logto cannot be reached to confirm the session: try again shortly',
    undefined,
    { 'retry-after': String(logtoRetryAfterSeconds) },
  );
}

/**
 * Logto answering "no" (an expired or revoked refresh token) signs the user out; Logto not answering
 * (connection refused, timeout, 5xx, 429) does not: the session is fine and the request can be retried.
 */
export function isLogtoOutage(error: unknown): boolean {
  if (error instanceof LogtoRequestError) {
    const status = (error.cause as { status?: number } | undefined)?.status ?? 0;
    return status >= 500 || status === 429;
  }
  if (error instanceof LogtoError) {
    const data = error.data as { error?: string } | undefined;
    return data?.error === 'server_error' || data?.error === 'temporarily_unavailable';
  }
  // fetch rejects with a TypeError ("fetch failed") when the connection itself fails.
  return error instanceof TypeError || (error as { name?: string })?.name === 'AbortError';
}

export type SessionToken =
  | { kind: 'token'; token: string }
  /** A pending sign-in: no tokens yet. */
  | { kind: 'anonymous' }
  /** Logto refused the refresh token. */
  | { kind: 'signed-out' };

/**
 * The access token for the API resource of a stored session, refreshed with its refresh token when it
 * has expired, and saved. Concurrent requests of one session share one refresh: with refresh-token
 * rotation a second refresh with the same token would fail and sign the user out.
 */
export function createSessionTokens(config: Config, sessions: Pick<Sessions, 'save'>) {
  const inFlight = new Map<string, Promise<SessionToken>>();

  async function obtain(session: LoadedSession): Promise<SessionToken> {
    const storage = sessionStorage(bagOf(session.data));
    const client = logtoClientFor(config, storage);
    if (!(await client.isAuthenticated())) return { kind: 'anonymous' };
    let token: string;
    try {
      token = await client.getAccessToken(config.logto.apiResource);
    } catch (error) {
      if (isLogtoOutage(error)) throw logtoUnavailable();
      return { kind: 'signed-out' };
    }
    if (storage.changed) await sessions.save(session.id, session.data);
    return { kind: 'token', token };
  }

  return (session: LoadedSession): Promise<SessionToken> => {
    const pending = inFlight.get(session.id);
    if (pending) return pending;
    const work = obtain(session).finally(() => inFlight.delete(session.id));
    inFlight.set(session.id, work);
    return work;
  };
}
