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
