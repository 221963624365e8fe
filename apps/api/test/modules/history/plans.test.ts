// Issue 15: the history and audit pages read an index range in order (first page and deep cursor), on
// SQLite and PostgreSQL, with a seeded history large enough that the planner would rather not.
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../../../scripts/seed-history.ts';
import { createDb, type Db } from '../../../src/db/database.ts';
import { migrateToLatest } from '../../../src/db/migrations.ts';
import type { Database } from '../../../src/db/schema.ts';
import type { Cursor } from '../../../src/lib/cursor.ts';
import { auditPageQuery } from '../../../src/modules/audit/repository.ts';
import { testSendPageQuery } from '../../../src/modules/test-sends/repository.ts';
import { testConfig } from '../../helpers/config.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';

type Query = { compile(): CompiledQuery };

async function planOf(db: Db, query: Query): Promise<string> {
  const { sql: text, parameters } = query.compile();
  const prefix = db.dialect === 'postgres' ? 'explain ' : 'explain query plan ';
  const { rows } = await db.kysely.executeQuery(CompiledQuery.raw(prefix + text, [...parameters]));
  return rows.map((r) => Object.values(r as object).join(' ')).join('\n');
}

describe.each(databaseKinds)('history and audit page plans on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let connectorId: string;
  let deep: { sends: Cursor; events: Cursor };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = createDb(testConfig(database.env));
    await migrateToLatest(db.kysely);
    ({
      connectorIds: [connectorId = ''],
    } = await seedHistory(db, { sends: 20_000, events: 40_000, connectors: 50 }));
    await sql`analyze`.execute(db.kysely);
    const at = async (table: 'testSends' | 'auditEvents', offset: number): Promise<Cursor> => {
      const row = await (db.kysely as Kysely<Database>)
        .selectFrom(table)
        .select(['createdAt', 'id'])
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .offset(offset)
        .limit(1)
        .executeTakeFirstOrThrow();
      return { at: row.createdAt, id: row.id };
    };
    deep = { sends: await at('testSends', 18_000), events: await at('auditEvents', 36_000) };
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  const usesIndex = (plan: string, index: string) => {
    expect(plan).toContain(index);
    // SQLite: no sort, the index gives the rows in page order. PostgreSQL may sort the few rows an index
    // range left (a deep cursor near the end), never scan the table.
    if (kind === 'sqlite') expect(plan).not.toMatch(/TEMP B-TREE/);
    else expect(plan).not.toMatch(/Seq Scan/);
  };

  it('reads the whole history newest first through test_sends_created, first page and deep', async () => {
    usesIndex(await planOf(db, testSendPageQuery(db.kysely, {}, null, 21)), 'test_sends_created');
    usesIndex(await planOf(db, testSendPageQuery(db.kysely, {}, deep.sends, 21)), 'test_sends_created');
  });

  it("reads one connector's history through test_sends_connector_created", async () => {
    const plan = await planOf(db, testSendPageQuery(db.kysely, { connectorId }, deep.sends, 21));
    usesIndex(plan, 'test_sends_connector_created');
  });

  it('reads the audit log through audit_events_created and audit_events_connector_created', async () => {
    usesIndex(await planOf(db, auditPageQuery(db.kysely, {}, null, 21)), 'audit_events_created');
    usesIndex(await planOf(db, auditPageQuery(db.kysely, {}, deep.events, 21)), 'audit_events_created');
    const plan = await planOf(db, auditPageQuery(db.kysely, { connectorId }, deep.events, 21));
    usesIndex(plan, 'audit_events_connector_created');
  });

  it('starts a deep page at the cursor: it reads about a page of rows, not every newer one', async () => {
    if (kind === 'sqlite') {
      // SQLite has no row counts in its plan: the range on created_at shows as a SEARCH with `<`.
      const plan = await planOf(db, auditPageQuery(db.kysely, {}, deep.events, 21));
      expect(plan).toMatch(/SEARCH audit_events USING INDEX audit_events_created \(created_at<\?\)/);
      return;
    }
    const { sql: text, parameters } = auditPageQuery(db.kysely, {}, deep.events, 21).compile();
    const { rows } = await db.kysely.executeQuery(
      CompiledQuery.raw(`explain (analyze, format json) ${text}`, [...parameters]),
    );
    const plan = JSON.stringify(rows);
    const scanned = [...plan.matchAll(/"Actual Rows":\s*(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
    expect(Math.max(...scanned)).toBeLessThan(100);
  });
});
