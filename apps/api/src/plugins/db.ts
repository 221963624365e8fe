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

  app.decorate('secretBox', secretBoxFor(opts.config, app.log));
}

export default fp(dbPlugin, { name: 'db' });
