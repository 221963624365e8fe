/**
 * Abuse limits: every test send is a real SMS that costs money, and an open sender invites SMS pumping.
 * They are counted in the database so that they hold across API instances, and checked after the send
 * is reserved (its row inserted): two parallel requests then both see each other, so together they can
 * never pass a limit — at worst both are refused.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { createError } from '../../errors.ts';
import { type LimitScope, nthNewestSendTime } from './repository.ts';

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

export async function assertWithinLimits(
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
  for (const check of checks) {
    const since = new Date(now.getTime() - check.windowSeconds * 1000).toISOString();
    const nth = await nthNewestSendTime(db, {
      column: check.column,
      value: check.value,
      since,
      excludeId: subject.id,
      nth: check.max,
    });
    if (nth === null) continue;
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
