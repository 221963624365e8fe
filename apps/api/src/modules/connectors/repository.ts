import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { ConnectorsTable, Database } from '../../db/schema.ts';

export type ConnectorRow = Selectable<ConnectorsTable>;

export function listConnectorRows(db: Kysely<Database>): Promise<ConnectorRow[]> {
  return db.selectFrom('connectors').selectAll().orderBy('name').execute();
}

export function findConnectorRow(db: Kysely<Database>, id: string): Promise<ConnectorRow | undefined> {
  return db.selectFrom('connectors').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertConnectorRow(
  db: Kysely<Database>,
  row: Insertable<ConnectorsTable>,
): Promise<void> {
  await db.insertInto('connectors').values(row).execute();
}

/**
 * Compare-and-set on `version`: the row changes only if nobody changed it since the caller read it, so
 * of two editors holding the same ETag exactly one wins.
 */
export async function updateConnectorRow(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Updateable<ConnectorsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('connectors')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteConnectorRow(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('connectors').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
