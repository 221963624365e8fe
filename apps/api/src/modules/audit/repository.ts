import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditEvent, AuditOutcome } from '@smsdesk/shared/schemas/audit';
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventsTable, Database } from '../../db/schema.ts';
import { type Cursor, newestFirstPage, olderThan } from '../../lib/cursor.ts';

export interface NewAuditEvent {
  connectorId: string | null;
  connectorName: string | null;
  actor: string;
  action: AuditAction;
  changes?: string[];
  detail?: string;
}

/** Inserts one event and answers its id. */
export async function recordAuditEvent(
  db: Kysely<Database>,
  event: NewAuditEvent,
  at: Date,
  outcome: AuditOutcome = 'succeeded',
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('auditEvents')
    .values({
      id,
      connectorId: event.connectorId,
      connectorName: event.connectorName,
      actor: event.actor,
      action: event.action,
      changes: JSON.stringify(event.changes ?? []),
      detail: event.detail ?? null,
      outcome,
      createdAt: at.toISOString(),
    })
    .execute();
  return id;
}

/** Marks the outcome of an event written as an intent; `detail`, when given, replaces the intent's. */
export async function settleAuditEvent(
  db: Kysely<Database>,
  id: string,
  outcome: AuditOutcome,
  detail?: string,
): Promise<void> {
  await db
    .updateTable('auditEvents')
    .set({ outcome, ...(detail !== undefined ? { detail } : {}) })
    .where('id', '=', id)
    .execute();
}

/** One audit page's query (exported so a test can ask the database for its plan). */
export function auditPageQuery(
  db: Kysely<Database>,
  query: { connectorId?: string },
  after: Cursor | null,
  take: number,
) {
  let q = db.selectFrom('auditEvents').selectAll();
  if (query.connectorId) q = q.where('connectorId', '=', query.connectorId);
  if (after) q = q.where(olderThan(after));
  return q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(take);
}

export async function listAuditEvents(
  db: Kysely<Database>,
  query: { connectorId?: string; cursor?: string; limit: number },
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const { rows, nextCursor } = await newestFirstPage(query.cursor, query.limit, (after, take) =>
    auditPageQuery(db, query, after, take).execute(),
  );
  return { items: rows.map(toAuditEvent), nextCursor };
}

function toAuditEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: row.id,
    connectorId: row.connectorId,
    connectorName: row.connectorName,
    actor: row.actor,
    action: row.action as AuditAction,
    changes: JSON.parse(row.changes) as string[],
    ...(row.detail ? { detail: row.detail } : {}),
    outcome: row.outcome as AuditOutcome,
    createdAt: row.createdAt,
  };
}
