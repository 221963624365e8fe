/**
 * A large history for measuring (issue 15): `tsx scripts/seed-history.ts [sends] [events]` fills the
 * database of DATABASE_URL / DATA_DIR (migrated first) with connectors, 100,000 test sends and 1,000,000
 * audit events by default, spread over the last 90 days, in batched inserts. Rows only: no SMS is sent.
 * Never for production: it refuses a database that already has test sends or audit events.
 */
import { randomUUID } from 'node:crypto';
import type { AuditAction } from '@smsdesk/shared/schemas/audit';
import { type Insertable, sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createDb, type Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrations.ts';
import type { AuditEventsTable, TestSendsTable } from '../src/db/schema.ts';

export interface SeedCounts {
  sends: number;
  events: number;
  connectors?: number;
}

const days90 = 90 * 24 * 3600_000;
const actions: AuditAction[] = [
  'connector.updated',
  'test_send.sent',
  'template.created',
  'test_send.verified',
];

/** Newest rows at `now`, oldest 90 days before, evenly spaced (the order the pages walk). */
function timeAt(now: number, index: number, count: number): string {
  return new Date(now - Math.floor((index / Math.max(count, 1)) * days90)).toISOString();
}

export async function seedHistory(
  db: Db,
  counts: SeedCounts,
  now = Date.now(),
): Promise<{ connectorIds: string[] }> {
  const connectorIds = Array.from({ length: counts.connectors ?? 10 }, () => randomUUID());
  const at = new Date(now).toISOString();
  await db.kysely
    .insertInto('connectors')
    .values(
      connectorIds.map((id, i) => ({
        id,
        name: `History ${i} ${id.slice(0, 8)}`,
        description: null,
        accessKeyId: 'AKIDhistory',
        secretCiphertext: null,
        signName: 'smsdesk',
        region: 'ap-guangzhou',
        sdkAppId: '1400000000',
        international: 0,
        templates: '[]',
        createdAt: at,
        updatedAt: at,
        version: 1,
      })),
    )
    .execute();
  // Parameters per statement stay under SQLite's 32,766 and PostgreSQL's 65,535.
  const sendBatch = 500;
  for (let start = 0; start < counts.sends; start += sendBatch) {
    const rows: Insertable<TestSendsTable>[] = [];
    for (let i = start; i < Math.min(start + sendBatch, counts.sends); i += 1) {
      rows.push({
        id: randomUUID(),
        connectorId: connectorIds[i % connectorIds.length]!,
        actor: `user-${i % 50}`,
        usageType: 'SignIn',
        templateCode: '100001',
        mode: 'smsdesk',
        phoneNumberMasked: `+86 138****${String(i % 10_000).padStart(4, '0')}`,
        phoneHash: `seed-${i % 5000}`,
        codeHash: null,
        status: i % 10 ? 'sent' : 'failed',
        tencentCode: i % 10 ? 'Ok' : 'LimitExceeded.PhoneNumberDailyLimit',
        tencentMessage: i % 10 ? 'send success' : 'the daily limit of the number was reached',
        serialNo: `seed:${i}`,
        fee: 1,
        requestId: randomUUID(),
        guidance: null,
        verifyAttempts: 0,
        verifiedAt: null,
        deliveryStatus: i % 10 ? 'delivered' : 'failed',
        deliveryDescription: null,
        deliveredAt: null,
        createdAt: timeAt(now, i, counts.sends),
        tenantId: null,
        phoneCiphertext: null,
        liveInSync: null,
      });
    }
    await db.kysely.insertInto('testSends').values(rows).execute();
  }
  const eventBatch = 2000;
  for (let start = 0; start < counts.events; start += eventBatch) {
    const rows: Insertable<AuditEventsTable>[] = [];
    for (let i = start; i < Math.min(start + eventBatch, counts.events); i += 1) {
      const connectorId = connectorIds[i % connectorIds.length]!;
      rows.push({
        id: randomUUID(),
        connectorId,
        connectorName: `History ${i % connectorIds.length}`,
        actor: `user-${i % 50}`,
        action: actions[i % actions.length]!,
        changes: i % 4 ? '[]' : '["description"]',
        detail: null,
        outcome: 'succeeded',
        createdAt: timeAt(now, i, counts.events),
      });
    }
    await db.kysely.insertInto('auditEvents').values(rows).execute();
  }
  return { connectorIds };
}

async function main() {
  const [sends = 100_000, events = 1_000_000] = process.argv.slice(2).map(Number);
  const db = createDb(loadConfig());
  try {
    await migrateToLatest(db.kysely);
    const existing = await db.kysely
      .selectFrom('auditEvents')
      .select('id')
      .union(db.kysely.selectFrom('testSends').select('id'))
      .limit(1)
      .execute();
    if (existing.length) throw new Error(`${db.location} already has a history: seed an empty database`);
    const started = performance.now();
    await seedHistory(db, { sends, events });
    // Fresh statistics, as autovacuum / ANALYZE would have after a real history grew.
    await sql`analyze`.execute(db.kysely);
    console.log(
      `seeded ${sends} test sends and ${events} audit events into ${db.location} in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
