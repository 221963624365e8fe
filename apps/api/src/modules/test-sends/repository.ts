import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, TestSendsTable } from '../../db/schema.ts';
import { type Cursor, newestFirstPage, olderThan } from '../../lib/cursor.ts';
import type { DeliveryReport } from '../../tencent/gateway.ts';

export type TestSendRow = Selectable<TestSendsTable>;
type Db = Kysely<Database>;

/**
 * A send about to be asked of Tencent: what the caller knows, everything Tencent will tell still empty.
 * Status 'sending' reserves it for the limits while Tencent is asked; only a crash mid-send leaves one behind.
 */
export function newTestSendRow(
  known: Pick<
    TestSendRow,
    'connectorId' | 'actor' | 'usageType' | 'templateCode' | 'mode' | 'phoneNumberMasked' | 'phoneHash'
  > &
    Partial<Pick<TestSendRow, 'tenantId' | 'liveInSync'>>,
  now: Date,
): TestSendRow {
  return {
    id: randomUUID(),
    codeHash: null,
    status: 'sending',
    tencentCode: null,
    tencentMessage: null,
    serialNo: null,
    fee: null,
    requestId: null,
    guidance: null,
    verifyAttempts: 0,
    verifiedAt: null,
    deliveryStatus: 'pending',
    deliveryDescription: null,
    deliveredAt: null,
    createdAt: now.toISOString(),
    tenantId: null,
    phoneCiphertext: null,
    liveInSync: null,
    ...known,
  };
}

export async function insertTestSend(db: Db, row: TestSendRow): Promise<void> {
  await db.insertInto('testSends').values(row).execute();
}

export async function updateTestSend(db: Db, id: string, changes: Updateable<TestSendsTable>) {
  await db.updateTable('testSends').set(changes).where('id', '=', id).execute();
}

/** A send that failed inside smsdesk (not at Tencent or Logto): recorded as failed before the error is rethrown. */
export async function markFailedInside(db: Db, id: string) {
  await updateTestSend(db, id, {
    status: 'failed',
    tencentCode: 'INTERNAL',
    tencentMessage: 'The send failed inside smsdesk',
    deliveryStatus: 'failed',
  });
}

export function findTestSend(db: Db, id: string): Promise<TestSendRow | undefined> {
  return db.selectFrom('testSends').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface HistoryQuery {
  connectorId?: string;
  cursor?: string;
  limit: number;
}

/** One history page's query (exported so a test can ask the database for its plan). */
export function testSendPageQuery(
  db: Db,
  query: Pick<HistoryQuery, 'connectorId'>,
  after: Cursor | null,
  take: number,
) {
  let q = db.selectFrom('testSends').selectAll();
  if (query.connectorId) q = q.where('connectorId', '=', query.connectorId);
  if (after) q = q.where(olderThan(after));
  return q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(take);
}

export function listTestSends(
  db: Db,
  query: HistoryQuery,
): Promise<{ rows: TestSendRow[]; nextCursor: string | null }> {
  return newestFirstPage(query.cursor, query.limit, (after, take) =>
    testSendPageQuery(db, query, after, take).execute(),
  );
}

export type LimitScope = 'actor' | 'phoneHash' | 'connectorId';

/**
 * The time of the `nth` newest other send of one user, number or connector since `since`, or null when
 * there are fewer: the limit is reached exactly when it exists. One row comes back, whatever the limit.
 */
/**
 * For each scope, the creation time of its `nth` newest send since `since` (the send `excludeId` left
 * out), or null when it has fewer: all scopes in one statement, as every send asks for three.
 */
export async function nthNewestSendTimes(
  db: Db,
  scopes: Array<{ column: LimitScope; value: string; since: string; nth: number }>,
  excludeId: string,
): Promise<Array<string | null>> {
  if (scopes.length === 0) return [];
  const row = (await db
    .selectNoFrom((eb) =>
      scopes.map((scope, i) =>
        eb
          .selectFrom('testSends')
          .select('createdAt')
          .where(scope.column, '=', scope.value)
          .where('createdAt', '>', scope.since)
          .where('id', '!=', excludeId)
          .orderBy('createdAt', 'desc')
          .limit(1)
          .offset(scope.nth - 1)
          .as(`s${i}`),
      ),
    )
    .executeTakeFirstOrThrow()) as Record<string, string | null>;
  return scopes.map((_, i) => row[`s${i}`] ?? null);
}

/**
 * Takes one attempt atomically and returns how many have been used, or null when none was left (or the
 * send is verified already — or, with `afterVerified`, not verified yet): parallel guesses cannot use more
 * than `max` between them, before or after the right code.
 */
export async function takeVerifyAttempt(
  db: Db,
  id: string,
  max: number,
  { afterVerified = false } = {},
): Promise<number | null> {
  const row = await db
    .updateTable('testSends')
    .set((eb) => ({ verifyAttempts: eb('verifyAttempts', '+', 1) }))
    .where('id', '=', id)
    .where('verifyAttempts', '<', max)
    .where('verifiedAt', afterVerified ? 'is not' : 'is', null)
    .returning('verifyAttempts')
    .executeTakeFirst();
  return row ? row.verifyAttempts : null;
}

export async function markVerified(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('testSends')
    .set({ verifiedAt: at })
    .where('id', '=', id)
    .where('verifiedAt', 'is', null)
    .execute();
}

/** Tencent hands each report out once: every one is kept, whichever send it belongs to. */
export async function storeDeliveryReports(
  db: Db,
  sdkAppId: string,
  reports: DeliveryReport[],
  pulledAt: string,
): Promise<void> {
  const rows = reports
    .filter((r) => r.serialNo !== '')
    .map((r) => ({
      serialNo: r.serialNo,
      sdkAppId,
      phoneNumber: r.phoneNumber,
      status: r.status,
      description: r.description,
      receivedAt: r.receivedAt,
      pulledAt,
    }));
  if (rows.length === 0) return;
  await db
    .insertInto('deliveryReports')
    .values(rows)
    .onConflict((oc) => oc.column('serialNo').doNothing())
    .execute();
}

export function findDeliveryReport(db: Db, serialNo: string) {
  return db.selectFrom('deliveryReports').selectAll().where('serialNo', '=', serialNo).executeTakeFirst();
}

/**
 * Moves the sends these reports belong to out of `pending`; a report for no test send changes nothing.
 * With `sdkAppId`, only sends of connectors on that SDK app move (a pushed report speaks for one app only).
 */
export async function applyDeliveryReports(
  db: Db,
  reports: Array<Pick<DeliveryReport, 'serialNo' | 'status' | 'description' | 'receivedAt'>>,
  scope: { sdkAppId?: string } = {},
): Promise<void> {
  for (const report of reports) {
    if (!report.serialNo) continue;
    let update = db
      .updateTable('testSends')
      .set({
        deliveryStatus: report.status,
        deliveryDescription: report.description,
        deliveredAt: report.receivedAt,
      })
      .where('serialNo', '=', report.serialNo)
      .where('deliveryStatus', '=', 'pending');
    const { sdkAppId } = scope;
    if (sdkAppId !== undefined)
      update = update.where('connectorId', 'in', (q) =>
        q.selectFrom('connectors').select('id').where('sdkAppId', '=', sdkAppId),
      );
    await update.execute();
  }
}

/** The serial numbers among `serialNos` that are sends of a connector on another SDK app. */
export async function serialsOfOtherSdkApps(
  db: Db,
  sdkAppId: string,
  serialNos: string[],
): Promise<Set<string>> {
  if (serialNos.length === 0) return new Set();
  const rows = await db
    .selectFrom('testSends')
    .innerJoin('connectors', 'connectors.id', 'testSends.connectorId')
    .select('testSends.serialNo')
    .where('testSends.serialNo', 'in', serialNos)
    .where('connectors.sdkAppId', '!=', sdkAppId)
    .execute();
  return new Set(rows.map((r) => r.serialNo).filter((s): s is string => s !== null));
}
