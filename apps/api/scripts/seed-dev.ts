/**
 * `pnpm dev` only: once, and only into an empty development database, a connector for the Tencent emulator's
 * dev account with its four approved templates mapped, so a newcomer's first sign-in shows a working
 * connector. At every start, the local emulator pushes its delivery reports to that connector's status
 * callback URL, as Tencent does once the URL is set in its console. Never part of a production start.
 */
import { devAccount, devLogtoConnectorConfig } from '@smsdesk/tencent-sms-emulator';
import { type Config, ConfigError, loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/database.ts';
import { secretBoxFor } from '../src/lib/secret-box.ts';
import { createAuditService } from '../src/modules/audit/service.ts';
import { createCallbackService } from '../src/modules/callbacks/service.ts';
import { createConnectorService } from '../src/modules/connectors/service.ts';
import { createDb } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrations.ts';

const marker = 'dev_seeded_at';
const actor = 'dev-seed';

function servicesOf(config: Config, db: Db) {
  const now = () => new Date();
  const secretBox = secretBoxFor(config, { warn: () => {} });
  const audit = createAuditService({ db: db.kysely, now });
  const connectors = createConnectorService({ db: db.kysely, secretBox, audit, now });
  const callbacks = createCallbackService({
    db: db.kysely,
    secretBox,
    audit,
    connectors,
    // The seed only reads the URL; the API receives the reports.
    testSends: {
      receiveReports: () => Promise.reject(new Error('the dev seed receives no delivery reports')),
    },
    baseUrl: config.baseUrl,
    now,
  });
  return { connectors, callbacks };
}

/** The emulator's control API, when TENCENT_SMS_ENDPOINT is the local emulator (not Tencent). */
function localEmulator(config: Config): string | undefined {
  const url = new URL(config.tencent.endpoint);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) && url.protocol === 'http:';
  return local ? `${url.origin}/__emulator` : undefined;
}

/** `pnpm dev` starts the emulator beside the API: it answers within seconds. */
async function patchEmulatorSettings(control: string, body: unknown, waitMs = 20_000): Promise<boolean> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const response = await fetch(`${control}/settings`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.ok) return true;
      throw new Error(`the emulator answered ${response.status}: ${await response.text()}`);
    } catch (error) {
      if (Date.now() > until) {
        console.log(
          `dev seed: could not set the emulator's status callback (${(error as Error).message}); delivery reports come by pull only`,
        );
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The dev account's connector (the oldest, if several) receives the emulator's delivery reports. */
async function wireStatusCallback(config: Config, db: Db) {
  const control = localEmulator(config);
  if (!control) return;
  const connector = await db.kysely
    .selectFrom('connectors')
    .select(['id', 'name'])
    .where('accessKeyId', '=', devAccount.secretId)
    .where('sdkAppId', '=', devAccount.sdkAppId)
    .orderBy('createdAt')
    .executeTakeFirst();
  if (!connector) return;
  const { url } = await servicesOf(config, db).callbacks.get(connector.id, actor);
  if (await patchEmulatorSettings(control, { statusCallbackUrl: url }))
    console.log(`dev seed: the emulator pushes delivery reports to "${connector.name}"`);
}

async function seed(config: Config, db: Db) {
  const seeded = await db.kysely
    .selectFrom('meta')
    .select('value')
    .where('key', '=', marker)
    .executeTakeFirst();
  const { count } = await db.kysely
    .selectFrom('connectors')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  if (seeded || Number(count) > 0) return;
  await servicesOf(config, db).connectors.create(
    {
      name: 'Tencent emulator (dev)',
      description: 'The local Tencent SMS emulator on :3002 with its dev account (seeded by pnpm dev)',
      ...devLogtoConnectorConfig(),
      international: false,
    },
    actor,
  );
  await db.kysely.insertInto('meta').values({ key: marker, value: new Date().toISOString() }).execute();
  console.log(`dev seed: created "Tencent emulator (dev)" in ${db.location}`);
}

async function main() {
  const config = loadConfig();
  const db = createDb(config);
  try {
    await migrateToLatest(db.kysely);
    await seed(config, db);
    await wireStatusCallback(config, db);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
