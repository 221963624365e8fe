import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/** Background work that several instances share: it must be safe to run again (idempotent). */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Scheduler {
  /** Which instance this is in `scheduled_jobs.instance` (host, pid and a random tag). */
  readonly instance: string;
  add(job: ScheduledJob): void;
  /** Starts every job's timer; each instance asks at most every few seconds whether a job is due. */
  start(): void;
  /** Runs the job now if it is due and no other instance runs it; true when it ran here. */
  runIfDue(job: ScheduledJob): Promise<boolean>;
  /** Stops the timers and waits for a job running here to finish. */
  stop(): Promise<void>;
}

/**
 * Every instance ticks, and the database decides who runs a due job, once per interval:
 * - PostgreSQL: the claim, the job and its finish are one transaction under a transaction-scoped advisory
 *   lock taken with `pg_try_advisory_xact_lock` (the others skip at once instead of waiting). If the
 *   holder dies, its connection closes, PostgreSQL rolls the claim back and releases the lock, and the
 *   next instance to tick runs the job: nothing waits for a lease to run out.
 * - SQLite: the claim is one conditional upsert under SQLite's single writer; a holder that dies
 *   mid-run leaves its claim, and the job runs again one interval later.
 * The claim only succeeds when the last run started at least `everyMs` ago: never twice in an interval.
 */
export function createScheduler(db: Db, log: JobLog, now: () => number = Date.now): Scheduler {
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const jobs: ScheduledJob[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  async function claim(trx: Kysely<Database>, job: ScheduledJob, at: number): Promise<boolean> {
    const startedAt = new Date(at).toISOString();
    const dueBefore = new Date(at - job.everyMs).toISOString();
    const claimed = await trx
      .insertInto('scheduledJobs')
      .values({ name: job.name, lastRunAt: startedAt, finishedAt: null, runs: 1, instance })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet((eb) => ({
            lastRunAt: startedAt,
            finishedAt: null,
            runs: eb('scheduledJobs.runs', '+', 1),
            instance,
          }))
          .where('scheduledJobs.lastRunAt', '<=', dueBefore),
      )
      .returning('name')
      .executeTakeFirst();
    return claimed !== undefined;
  }

  const finish = (trx: Kysely<Database>, job: ScheduledJob) =>
    trx
      .updateTable('scheduledJobs')
      .set({ finishedAt: new Date(now()).toISOString() })
      .where('name', '=', job.name)
      .execute();

  async function runIfDue(job: ScheduledJob): Promise<boolean> {
    if (db.dialect === 'postgres') {
      return db.kysely.transaction().execute(async (trx) => {
        const key = `scheduled-job:${job.name}`;
        const { rows } = await sql<{
          locked: boolean;
        }>`select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as locked`.execute(trx);
        if (!rows[0]?.locked) return false;
        if (!(await claim(trx, job, now()))) return false;
        await job.run();
        await finish(trx, job);
        return true;
      });
    }
    if (!(await claim(db.kysely, job, now()))) return false;
    await job.run();
    await finish(db.kysely, job);
    return true;
  }

  function schedule(job: ScheduledJob) {
    if (stopped) return;
    // Ask four times an interval, at most every 5 s, so a job runs close to its interval (jitter spreads
    // the instances' questions).
    const tick = Math.min(job.everyMs / 4, 5000) * (0.75 + Math.random() * 0.5);
    const timer = setTimeout(() => {
      timers.delete(timer);
      const work = runIfDue(job).then(
        (ran) => ran && log.info({ job: job.name, instance }, 'scheduled job ran'),
        (error: unknown) => log.error({ err: error, job: job.name }, 'scheduled job failed'),
      );
      running.add(work);
      void work.finally(() => {
        running.delete(work);
        schedule(job);
      });
    }, tick);
    timer.unref();
    timers.add(timer);
  }

  return {
    instance,
    add: (job) => {
      jobs.push(job);
    },
    start: () => {
      for (const job of jobs) schedule(job);
    },
    runIfDue,
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
