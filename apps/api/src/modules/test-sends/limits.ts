/**
 * Abuse limits: every test send is a real SMS that costs money, and an open sender invites SMS pumping.
 * They are counted in the database so that they hold across API instances. Counting and reserving the
 * send (inserting its row) are one transaction, serialized per user, number and connector: on
 * PostgreSQL by transaction-scoped advisory locks (so every instance waits its turn), on SQLite by its
 * single writer. Parallel requests then neither pass a limit together nor refuse each other: 30 parallel
 * sends to one number with a limit of 5 send exactly 5.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { createError } from '../../errors.ts';
import { insertTestSend, type LimitScope, nthNewestSendTimes, type TestSendRow } from './repository.ts';

export type TestSendLimits = Config['testSends'];

const HOUR = 3600;
const DAY = 24 * HOUR;

interface Subject {
  /** The reserved send itself, not counted against the others. */
  id: string;
  actor: string;
  phoneHash: string;
  connectorId: string;
}

/**
 * Checks the limits and inserts the send's row in one transaction, with whatever else must commit with it
 * (`alsoInside`: the audit intent); throws RATE_LIMITED over a limit.
 */
export async function reserveWithinLimits<T = void>(
  db: Kysely<Database>,
  limits: TestSendLimits,
  row: TestSendRow,
  now: Date,
  alsoInside?: (trx: Kysely<Database>) => Promise<T>,
): Promise<T | undefined> {
  return db.transaction().execute(async (trx) => {
    if (trx.getExecutor().adapter instanceof PostgresAdapter) {
      // Always in this order (one statement, left to right), so two reservations cannot deadlock.
      const key = (scope: string, value: string) =>
        sql`pg_advisory_xact_lock(hashtextextended(${`test-send-limit:${scope}:${value}`}, 0))`;
      await sql`select ${key('actor', row.actor)}, ${key('phone', row.phoneHash)}, ${key('connector', row.connectorId)}`.execute(
        trx,
      );
    }
    await assertWithinLimits(trx, limits, row, now);
    await insertTestSend(trx, row);
    return alsoInside?.(trx);
  });
}

async function assertWithinLimits(
  db: Kysely<Database>,
  limits: TestSendLimits,
  subject: Subject,
  now: Date,
): Promise<void> {
  const checks: Array<{
    limit: 'user' | 'phone' | 'connector';
    column: LimitScope;
    value: string;
    max: number;
    windowSeconds: number;
    what: string;
  }> = [
    {
      limit: 'user',
      column: 'actor',
      value: subject.actor,
      max: limits.perUserPerHour,
      windowSeconds: HOUR,
      what: 'you sent',
    },
    {
      limit: 'phone',
      column: 'phoneHash',
      value: subject.phoneHash,
      max: limits.perPhonePerHour,
      windowSeconds: HOUR,
      what: 'this number received',
    },
    {
      limit: 'connector',
      column: 'connectorId',
      value: subject.connectorId,
      max: limits.perConnectorPerDay,
      windowSeconds: DAY,
      what: 'this connector sent',
    },
  ];
  const nths = await nthNewestSendTimes(
    db,
    checks.map((check) => ({
      column: check.column,
      value: check.value,
      since: new Date(now.getTime() - check.windowSeconds * 1000).toISOString(),
      nth: check.max,
    })),
    subject.id,
  );
  for (const [i, check] of checks.entries()) {
    const nth = nths[i];
    if (nth === null || nth === undefined) continue;
    // A slot frees up when the max-th newest send leaves the window.
    const freesAt = Date.parse(nth) + check.windowSeconds * 1000;
    const retryAfter = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
    const window = check.windowSeconds === HOUR ? 'hour' : 'day';
    throw createError(
      'RATE_LIMITED',
      `Test send limit reached: ${check.what} ${check.max} test codes in the last ${window}; try again in ${retryAfter} s`,
      { limit: check.limit, max: check.max, windowSeconds: check.windowSeconds },
      { 'retry-after': String(retryAfter) },
    );
  }
}
