import type { AuditEvent } from '@smsdesk/shared/schemas/audit';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listAuditEvents, type NewAuditEvent, recordAuditEvent } from './repository.ts';

export type { NewAuditEvent } from './repository.ts';

export interface AuditDeps {
  db: Kysely<Database>;
  now: () => Date;
}

/** The audit trail every module writes to: who changed, exported or used which connector. */
export function createAuditService({ db, now }: AuditDeps) {
  return {
    /**
     * Records one event; inside a transaction (`trx`), the event commits or rolls back with the change
     * it describes.
     */
    async record(event: NewAuditEvent, trx: Kysely<Database> = db): Promise<void> {
      await recordAuditEvent(trx, event, now());
    },

    list(query: { connectorId?: string; cursor?: string; limit?: number }): Promise<{
      items: AuditEvent[];
      nextCursor: string | null;
    }> {
      return listAuditEvents(db, { ...query, limit: query.limit ?? 20 });
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
