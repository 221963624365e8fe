import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { createDb, type Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrations.ts';
import { type SecretBox, secretBoxFor } from '../lib/secret-box.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    secretBox: SecretBox;
  }
}

/** The database (migrated at start) and the key that encrypts Tencent secrets at rest. */
async function dbPlugin(app: FastifyInstance, opts: { config: Config; db?: Db }) {
  const db = opts.db ?? createDb(opts.config);
  const applied = await migrateToLatest(db.kysely);
  app.log.info({ database: db.location, dialect: db.dialect, applied }, 'database ready');
  if (!opts.db) app.addHook('onClose', () => db.close());
  app.decorate('db', db);

  const box = secretBoxFor(opts.config, app.log);
  await assertSameSecretKey(db, box);
  app.decorate('secretBox', box);
}

/**
 * Every instance on a database must hold the key its secrets and sessions were sealed with: one started
 * with another key (a generated one in its own data folder, a typo) would answer its sessions as signed
 * out and its connectors as undecryptable. The first start seals a known text into `meta`; later starts
 * must open it, or refuse to start.
 */
async function assertSameSecretKey(db: Db, box: SecretBox) {
  const key = 'secret_key_check';
  await db.kysely
    .insertInto('meta')
    .values({ key, value: box.seal('smsdesk', key) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.kysely.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  try {
    box.open(row?.value ?? '', key);
  } catch {
    throw new Error(
      'SMSDESK_SECRET_KEY is not the key this database was written with: every instance on one database needs the same SMSDESK_SECRET_KEY',
    );
  }
}

export default fp(dbPlugin, { name: 'db' });
