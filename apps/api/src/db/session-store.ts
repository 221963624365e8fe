import type { SessionStore } from '@fastify/session';
import type { Kysely } from 'kysely';
import type { SecretBox } from '../lib/secret-box.ts';
import type { Database } from './schema.ts';

type Callback = (err?: unknown, result?: unknown) => void;

export interface SessionStoreOptions {
  /** Encrypts each row (the Logto tokens) at rest, bound to its session id like the Tencent secrets. */
  box: SecretBox;
  /** Used when a session carries no cookie expiry (it always does in this app). */
  defaultTtlMs: number;
  /** Where an exception thrown by a callback ends up instead of an unhandled rejection. */
  onCallbackError: (error: unknown) => void;
  now?: () => number;
}

/** `@fastify/session`'s store in the database, so a restart (or another instance) signs nobody out. */
export function createDbSessionStore(db: Kysely<Database>, options: SessionStoreOptions): SessionStore {
  const now = options.now ?? Date.now;
  const context = (sid: string) => `session:${sid}`;
  // The callback continues Fastify's reply (hooks, writeHead). Called inside `.then`, anything it threw
  // would become an unhandled rejection and end the process: it is caught and handed on instead.
  function settle<T>(work: Promise<T>, callback: Callback) {
    work.then(
      (result) => deliver(callback, undefined, result),
      (error: unknown) => deliver(callback, error),
    );
  }
  function deliver(callback: Callback, error?: unknown, result?: unknown) {
    try {
      callback(error, result);
    } catch (thrown) {
      options.onCallbackError(thrown);
    }
  }

  return {
    set(sid: string, session: unknown, callback: Callback) {
      const cookie = (session as { cookie?: { expires?: Date | string | null } }).cookie;
      const expires = cookie?.expires ? new Date(cookie.expires).getTime() : now() + options.defaultTtlMs;
      const data = options.box.seal(JSON.stringify(session), context(sid));
      const row = { sid, data, expiresAt: new Date(expires).toISOString() };
      settle(
        db
          .insertInto('sessions')
          .values(row)
          .onConflict((oc) => oc.column('sid').doUpdateSet({ data: row.data, expiresAt: row.expiresAt }))
          .execute(),
        callback,
      );
    },
    get(sid: string, callback: Callback) {
      settle(
        db
          .selectFrom('sessions')
          .select(['data', 'expiresAt'])
          .where('sid', '=', sid)
          .executeTakeFirst()
          .then((row) => {
            if (!row || Date.parse(row.expiresAt) <= now()) return null;
            return JSON.parse(openRow(options.box, row.data, context(sid))) as unknown;
          }),
        callback,
      );
    },
    destroy(sid: string, callback: Callback) {
      settle(db.deleteFrom('sessions').where('sid', '=', sid).execute(), callback);
    },
  } as SessionStore;
}

/** A row that does not decrypt (another key, or written before encryption) is no session at all. */
function openRow(box: SecretBox, data: string, context: string): string {
  try {
    return box.open(data, context);
  } catch {
    return 'null';
  }
}

export async function deleteExpiredSessions(db: Kysely<Database>, now = Date.now()): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expiresAt', '<=', new Date(now).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
