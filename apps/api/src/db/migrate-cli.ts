import { ConfigError, loadConfig } from '../config.ts';
import { createDb } from './database.ts';
import { migrateToLatest } from './migrations.ts';

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
