/**
 * `pnpm dev` only: once, and only into an empty development database, a connector for the Tencent emulator's
 * dev account with its four approved templates mapped, so a newcomer's first sign-in shows a working
 * connector. Never part of a production start.
 */
import { devLogtoConnectorConfig } from '@smsdesk/tencent-sms-emulator';
import { ConfigError, loadConfig } from '../src/config.ts';
import { secretBoxFor } from '../src/lib/secret-box.ts';
import { createAuditService } from '../src/modules/audit/service.ts';
import { createConnectorService } from '../src/modules/connectors/service.ts';
import { createDb } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrations.ts';

const marker = 'dev_seeded_at';

async function main() {
  const config = loadConfig();
  const db = createDb(config);
  try {
    await migrateToLatest(db.kysely);
    const seeded = await db.kysely
      .selectFrom('meta')
      .select('value')
      .where('key', '=', marker)
      .executeTakeFirst();
    const { count } = await db.kysely
      .selectFrom('connectors')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    if (seeded || Number(count) > 0) {
      console.log(`dev seed: ${db.location} already has data; nothing to do`);
      return;
    }
    const now = () => new Date();
    const service = createConnectorService({
      db: db.kysely,
      secretBox: secretBoxFor(config, { warn: () => {} }),
      audit: createAuditService({ db: db.kysely, now }),
      now,
    });
    await service.create(
      {
        name: 'Tencent emulator (dev)',
        description: 'The local Tencent SMS emulator on :3002 with its dev account (seeded by pnpm dev)',
        ...devLogtoConnectorConfig(),
        international: false,
      },
      'dev-seed',
    );
    await db.kysely.insertInto('meta').values({ key: marker, value: new Date().toISOString() }).execute();
    console.log(`dev seed: created "Tencent emulator (dev)" in ${db.location}`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
