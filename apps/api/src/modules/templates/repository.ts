import type { SmsType } from '@smsdesk/shared/template-rules';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const isSmsType = (n: number): n is SmsType => n === 1 || n === 2 || n === 3;

/** The SmsType of those templates that smsdesk created or modified; others are simply absent. */
export async function smsTypesOf(db: Kysely<Database>, templateIds: string[]): Promise<Map<string, SmsType>> {
  if (templateIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('templateSmsTypes')
    .select(['templateId', 'smsType'])
    .where('templateId', 'in', [...new Set(templateIds)])
    .execute();
  const known = new Map<string, SmsType>();
  for (const row of rows) if (isSmsType(row.smsType)) known.set(row.templateId, row.smsType);
  return known;
}

export async function saveSmsType(
  db: Kysely<Database>,
  templateId: string,
  smsType: SmsType,
  now: Date,
): Promise<void> {
  const updatedAt = now.toISOString();
  await db
    .insertInto('templateSmsTypes')
    .values({ templateId, smsType, updatedAt })
    .onConflict((oc) => oc.column('templateId').doUpdateSet({ smsType, updatedAt }))
    .execute();
}

export async function forgetSmsType(db: Kysely<Database>, templateId: string): Promise<void> {
  await db.deleteFrom('templateSmsTypes').where('templateId', '=', templateId).execute();
}
