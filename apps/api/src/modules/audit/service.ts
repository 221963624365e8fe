import type { AuditEvent, AuditOutcome } from '@smsdesk/shared/schemas/audit';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { listAuditEvents, type NewAuditEvent, recordAuditEvent, settleAuditEvent } from './repository.ts';

export type { NewAuditEvent } from './repository.ts';

export interface AuditDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Where a failure to mark an outcome is reported (the event then stays 'pending'). */
  log?: { error: (obj: object, msg: string) => void };
}

/**
 * Whether a failed remote change may still have happened: a timeout, an unreachable service, an answer
 * that was not the API's or an unexpected error leave the intent 'pending'; a refusal (a 4xx AppError) is
 * 'failed'.
 */
function outcomeOfFailure(error: unknown): AuditOutcome {
  return error instanceof AppError && error.statusCode < 500 ? 'failed' : 'pending';
}

/** The audit trail every module writes to: who changed, exported or used which connector. */
export function createAuditService({ db, now, log }: AuditDeps) {
  async function settle(
    id: string,
    outcome: AuditOutcome,
    update: { detail?: string } = {},
    trx: Kysely<Database> = db,
  ): Promise<void> {
    await settleAuditEvent(trx, id, outcome, update.detail);
  }

  /** Marks an outcome without letting a failure to write it hide the change's own result. */
  async function settleQuietly(id: string, outcome: AuditOutcome, detail?: string): Promise<void> {
    try {
      await settle(id, outcome, detail !== undefined ? { detail } : {});
    } catch (err) {
      log?.error({ err, auditEventId: id, outcome }, 'could not mark the outcome of an audit event');
    }
  }

  return {
    /**
     * Records one finished event; inside a transaction (`trx`), the event commits or rolls back with the
     * local change it describes.
     */
    async record(event: NewAuditEvent, trx: Kysely<Database> = db): Promise<void> {
      await recordAuditEvent(trx, event, now());
    },

    /** Writes the intent of a remote change before it is made; answers the event's id for `settle`. */
    begin(event: NewAuditEvent, trx: Kysely<Database> = db): Promise<string> {
      return recordAuditEvent(trx, event, now(), 'pending');
    },

    settle,

    /**
     * Makes a remote change (at Tencent or Logto) under an audit record that cannot be lost: the intent is
     * written first, so no change is made when it cannot be; then the outcome is marked. A refusal marks it
     * 'failed' and rethrows; a timeout or an unexpected error leaves it 'pending' (the change may have
     * happened); `describe` rewrites the detail from the change's result.
     */
    async attempt<T>(
      event: NewAuditEvent,
      change: () => Promise<T>,
      describe?: (result: T) => string,
    ): Promise<T> {
      const id = await recordAuditEvent(db, event, now(), 'pending');
      let result: T;
      try {
        result = await change();
      } catch (error) {
        const outcome = outcomeOfFailure(error);
        if (outcome === 'failed') {
          const code = (error as AppError).code;
          await settleQuietly(id, 'failed', `${event.detail ?? event.action} — failed: ${code}`);
        }
        throw error;
      }
      await settleQuietly(id, 'succeeded', describe ? describe(result) : undefined);
      return result;
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
