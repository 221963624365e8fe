import type { Kysely } from 'kysely';
import type { ConnectorCallbacksTable, Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

export function findCallbackOf(db: Db, connectorId: string) {
  return db
    .selectFrom('connectorCallbacks')
    .selectAll()
    .where('connectorId', '=', connectorId)
    .executeTakeFirst();
}

/** The connector a token hash belongs to, with the SDK app its reports are for. */
export function findConnectorByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('connectorCallbacks')
    .innerJoin('connectors', 'connectors.id', 'connectorCallbacks.connectorId')
    .select(['connectors.id as connectorId', 'connectors.sdkAppId as sdkAppId'])
    .where('connectorCallbacks.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** Replaces the connector's token (the old URL stops working in the same statement). */
export async function saveCallback(db: Db, row: ConnectorCallbacksTable): Promise<void> {
  await db
    .insertInto('connectorCallbacks')
    .values(row)
    .onConflict((oc) =>
      oc.column('connectorId').doUpdateSet({
        tokenHash: row.tokenHash,
        tokenCiphertext: row.tokenCiphertext,
        createdAt: row.createdAt,
      }),
    )
    .execute();
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

/** Moves the pending sends with these serial numbers to their reported status. */
export async function applyCallbackReports(
  db: Db,
  sdkAppId: string,
  reports: {
    serialNo: string;
    status: 'delivered' | 'failed';
    description: string;
    receivedAt: string | null;
  }[],
): Promise<void> {
  for (const report of reports) {
    await db
      .updateTable('testSends')
      .set({
        deliveryStatus: report.status,
        deliveryDescription: report.description,
        deliveredAt: report.receivedAt,
      })
      .where('serialNo', '=', report.serialNo)
      .where('deliveryStatus', '=', 'pending')
      .where('connectorId', 'in', (q) =>
        q.selectFrom('connectors').select('id').where('sdkAppId', '=', sdkAppId),
      )
      .execute();
  }
}
