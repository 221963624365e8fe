import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';

// Migrations describe tables before they exist, so they cannot use the typed `Database` interface.
// biome-ignore lint/suspicious/noExplicitAny: Kysely's own migration examples type the db as Kysely<any>.
type UntypedDb = Kysely<any>;

/** Migrations live in code (not files) so the bundled production build carries them. */
const migrations: Record<string, Migration> = {
  '2026-11-25-001-connectors-audit-sessions': {
    async up(db: UntypedDb) {
      await db.schema
        .createTable('connectors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('description', 'text')
        .addColumn('access_key_id', 'text', (c) => c.notNull())
        .addColumn('secret_ciphertext', 'text')
        .addColumn('sign_name', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('sdk_app_id', 'text', (c) => c.notNull())
        .addColumn('international', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('templates', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('connector_id', 'text')
        .addColumn('connector_name', 'text')
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_events_connector_created')
        .on('audit_events')
        .columns(['connector_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('audit_events_created')
        .on('audit_events')
        .columns(['created_at', 'id'])
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('sid', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '2026-11-25-002-test-sends': {
    async up(db: UntypedDb) {
      await db.schema
        .createTable('test_sends')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('connector_id', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('usage_type', 'text', (c) => c.notNull())
        .addColumn('template_code', 'text')
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('phone_number_masked', 'text', (c) => c.notNull())
        .addColumn('phone_hash', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('tencent_code', 'text')
        .addColumn('tencent_message', 'text')
        .addColumn('serial_no', 'text')
        .addColumn('fee', 'integer')
        .addColumn('request_id', 'text')
        .addColumn('guidance', 'text')
        .addColumn('verify_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('verified_at', 'text')
        .addColumn('delivery_status', 'text', (c) => c.notNull())
        .addColumn('delivery_description', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('test_sends_connector_created')
        .on('test_sends')
        .columns(['connector_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('test_sends_actor_created')
        .on('test_sends')
        .columns(['actor', 'created_at'])
        .execute();
      await db.schema
        .createIndex('test_sends_phone_created')
        .on('test_sends')
        .columns(['phone_hash', 'created_at'])
        .execute();
      await db.schema.createIndex('test_sends_serial').on('test_sends').column('serial_no').execute();
      await db.schema
        .createTable('delivery_reports')
        .addColumn('serial_no', 'text', (c) => c.primaryKey())
        .addColumn('sdk_app_id', 'text', (c) => c.notNull())
        .addColumn('phone_number', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text')
        .addColumn('pulled_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '2026-11-25-003-template-sms-types': {
    // Tencent's template list does not say a template's SmsType; smsdesk remembers it for the ones it made.
    async up(db: UntypedDb) {
      await db.schema
        .createTable('template_sms_types')
        .addColumn('template_id', 'text', (c) => c.primaryKey())
        .addColumn('sms_type', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '2026-12-03-001-audit-outcome': {
    // A change at Tencent or Logto is written as an intent first ('pending') and marked after, so an event
    // survives a crash or a failed local write between the remote change and the local record.
    async up(db: UntypedDb) {
      await db.schema
        .alterTable('audit_events')
        .addColumn('outcome', 'text', (c) => c.notNull().defaultTo('succeeded'))
        .execute();
    },
  },
  '2026-12-03-002-logto-tenants': {
    // The Logto tenants whose Tencent connector smsdesk manages through the Management API.
    async up(db: UntypedDb) {
      await db.schema
        .createTable('logto_tenants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('management_api_resource', 'text', (c) => c.notNull())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
        .addColumn('verified_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  '2026-12-03-003-test-sends-through-tenants': {
    // One column per statement: SQLite's ALTER TABLE adds one at a time.
    async up(db: UntypedDb) {
      await db.schema.alterTable('test_sends').addColumn('tenant_id', 'text').execute();
      await db.schema.alterTable('test_sends').addColumn('phone_ciphertext', 'text').execute();
      await db.schema.alterTable('test_sends').addColumn('live_in_sync', 'integer').execute();
    },
  },
  '2026-12-03-004-readiness-probe': {
    // /health/ready proves a write by inserting here inside a transaction it rolls back.
    async up(db: UntypedDb) {
      await db.schema
        .createTable('readiness_probe')
        .addColumn('checked_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '2026-12-03-141-test-sends-created': {
    // The whole history, newest first (no connector filter): without it a page sorted every send.
    async up(db: UntypedDb) {
      await db.schema
        .createIndex('test_sends_created')
        .on('test_sends')
        .columns(['created_at', 'id'])
        .execute();
    },
  },
  '2026-12-03-140-scheduled-jobs': {
    // One row per background job: when it last ran and where, so that several instances run it once.
    async up(db: UntypedDb) {
      await db.schema
        .createTable('scheduled_jobs')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('last_run_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('runs', 'integer', (c) => c.notNull())
        .addColumn('instance', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '2026-12-03-160-connector-callbacks': {
    // Tencent pushes delivery reports to a URL per connector; the token in it is looked up by its hash.
    async up(db: UntypedDb) {
      await db.schema
        .createTable('connector_callbacks')
        .addColumn('connector_id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('token_ciphertext', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: UntypedDb): Promise<string[]> {
  // On PostgreSQL the migration tables live in the current schema (search_path), not wherever Kysely
  // first finds a table of that name: several smsdesk databases may share one server.
  const migrationTableSchema = await currentPostgresSchema(db);
  // Branches land migrations named by date in any order; each is independent of the others, so one that
  // sorts before an already applied one still runs (a development database is not left refusing to start).
  const migrator = new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentPostgresSchema(db: UntypedDb): Promise<string | null> {
  try {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    return rows[0]?.schema ?? null;
  } catch {
    return null; // SQLite has no schemas
  }
}
