import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, LogtoTenantsTable } from '../../db/schema.ts';

export type LogtoTenantRow = Selectable<LogtoTenantsTable>;

export function listTenantRows(db: Kysely<Database>): Promise<LogtoTenantRow[]> {
  return db.selectFrom('logtoTenants').selectAll().orderBy('name').execute();
}

export function findTenantRow(db: Kysely<Database>, id: string): Promise<LogtoTenantRow | undefined> {
  return db.selectFrom('logtoTenants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTenantRow(
  db: Kysely<Database>,
  row: Insertable<LogtoTenantsTable>,
): Promise<void> {
  await db.insertInto('logtoTenants').values(row).execute();
}

/** Compare-and-set on `version`, as connectors: of two editors with the same ETag exactly one wins. */
export async function updateTenantRow(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Updateable<LogtoTenantsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('logtoTenants')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A successful verification is a fact about the tenant, not an edit: the version stays. */
export async function markTenantVerified(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('logtoTenants').set({ verifiedAt: at }).where('id', '=', id).execute();
}

export async function deleteTenantRow(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('logtoTenants').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
