import type { SessionStore } from '@fastify/session';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

const defaultTtlMs = 7 * 24 * 3600 * 1000;

type Callback = (err?: unknown, result?: unknown) => void;

/** `@fastify/session`'s store in the database, so a restart (or another instance) signs nobody out. */
export function createDbSessionStore(db: Kysely<Database>, now: () => number = Date.now): SessionStore {
  return {
    set(sid: string, session: unknown, callback: Callback) {
      const cookie = (session as { cookie?: { expires?: Date | string | null } }).cookie;
      const expires = cookie?.expires ? new Date(cookie.expires).getTime() : now() + defaultTtlMs;
      const row = { sid, data: JSON.stringify(session), expiresAt: new Date(expires).toISOString() };
      db.insertInto('sessions')
        .values(row)
        .onConflict((oc) => oc.column('sid').doUpdateSet({ data: row.data, expiresAt: row.expiresAt }))
        .execute()
        .then(() => callback(), callback);
    },
    get(sid: string, callback: Callback) {
      db.selectFrom('sessions')
        .select(['data', 'expiresAt'])
        .where('sid', '=', sid)
        .executeTakeFirst()
        .then((row) => {
          if (!row || Date.parse(row.expiresAt) <= now()) return callback(undefined, null);
          callback(undefined, JSON.parse(row.data));
        }, callback);
    },
    destroy(sid: string, callback: Callback) {
      db.deleteFrom('sessions')
        .where('sid', '=', sid)
        .execute()
        .then(() => callback(), callback);
    },
  } as SessionStore;
}

export async function deleteExpiredSessions(db: Kysely<Database>, now = Date.now()): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expiresAt', '<=', new Date(now).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
