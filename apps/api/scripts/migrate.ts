// `pnpm --filter @smsdesk/api db:migrate`: the migrations of the build, on the database of DATABASE_URL (bundled into dist/migrate.js).
import { ConfigError, loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrations.ts';

try {
  const db = createDb(loadConfig());
  const applied = await migrateToLatest(db.kysely);
  console.log(
    applied.length ? `Applied to ${db.location}: ${applied.join(', ')}` : `${db.location} is up to date`,
  );
  await db.close();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
