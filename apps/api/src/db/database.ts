import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import type pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Where the data is, without credentials: for logs and readiness. */
  location: string;
  /**
   * SQLite only: a number that changes when another connection (another API process) commits, seen within
   * 50 ms. With the
   * writes a service makes itself, it tells when a read cache is stale. Undefined on PostgreSQL: no cache.
   */
  externalChanges?: () => number;
  /** Proves the database takes writes now (readiness): see `probeWritable`. */
  probeWritable(): Promise<void>;
  close(): Promise<void>;
}

class ProbeRollback extends Error {}

/**
 * A write that is rolled back: it needs the write lock and a writable database (a read-only PostgreSQL,
 * a full disk or a SQLite file that became read-only fail it) and leaves nothing behind.
 */
async function writeAndRollBack(kysely: Kysely<Database>): Promise<void> {
  try {
    await kysely.transaction().execute(async (trx) => {
      await trx.insertInto('readinessProbe').values({ checkedAt: new Date().toISOString() }).execute();
      throw new ProbeRollback();
    });
  } catch (error) {
    if (!(error instanceof ProbeRollback)) throw error;
  }
}

/**
 * The SQLite file the process opened must still be the one at its path: a deleted or replaced file keeps
 * taking writes through the open handle, and they vanish at the next start. And it must not have been made
 * read-only (checked on the mode bits: the root user may write anyway, the next start may not).
 */
function checkSqliteFile(file: string, opened: { dev: number; ino: number }): void {
  let now: ReturnType<typeof statSync>;
  try {
    now = statSync(file);
  } catch {
    throw new Error(`the database file ${file} was deleted: writes would be lost at the next start`);
  }
  if (now.dev !== opened.dev || now.ino !== opened.ino) {
    throw new Error(`the database file ${file} was replaced since the start: restart the API`);
  }
  if ((Number(now.mode) & 0o222) === 0) throw new Error(`the database file ${file} is read-only`);
}

export function sqlitePath(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  return resolve(config.databaseUrl ?? join(config.dataDir, 'smsdesk.db'));
}

/**
 * Only the driver of the database in use is loaded (pg took a twentieth of the start on SQLite), from
 * node_modules, synchronously, so that opening a database stays one call.
 */
const load = createRequire(import.meta.url);

export function createDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Db {
  const url = config.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { Pool } = load('pg') as typeof pg;
    const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
    // A dropped idle connection must not crash the process; the next query gets a fresh one.
    pool.on('error', () => {});
    // So must one lost while checked out (a terminated backend, a failover): without a listener its
    // 'error' would end the process; the query or transaction that used it fails with the error instead.
    pool.on('connect', (client) => client.on('error', () => {}));
    const kysely = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
    });
    const parsed = new URL(url);
    return {
      kysely,
      dialect: 'postgres',
      location: `postgres://${parsed.host}${parsed.pathname}`,
      probeWritable: () => writeAndRollBack(kysely),
      close: () => kysely.destroy(),
    };
  }
  const file = sqlitePath(config);
  mkdirSync(dirname(file), { recursive: true });
  const Database = load('better-sqlite3') as typeof SQLite;
  const database = new Database(file);
  const opened = statSync(file);
  // WAL keeps readers off the writer's back; every committed transaction survives a killed process.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    plugins: [new CamelCasePlugin()],
  });
  const dataVersion = database.prepare('PRAGMA data_version').pluck();
  // Asking SQLite costs a tenth of a cached read; another instance's commit may be seen up to 50 ms late.
  let checkedAt = 0;
  let version = 0;
  const externalChanges = () => {
    const now = performance.now();
    if (now - checkedAt >= 50) {
      version = dataVersion.get() as number;
      checkedAt = now;
    }
    return version;
  };
  return {
    kysely,
    dialect: 'sqlite',
    location: file,
    externalChanges,
    probeWritable: async () => {
      checkSqliteFile(file, opened);
      await writeAndRollBack(kysely);
    },
    close: () => kysely.destroy(),
  };
}

/**
 * Kysely prepares every query anew; preparing was a sixth of a read's cost. The queries are a small,
 * fixed set of SQL strings, so their prepared statements are kept (bounded) and reused.
 */
function withStatementCache(database: SQLite.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** SQLite says SQLITE_CONSTRAINT_UNIQUE, PostgreSQL 23505: both mean "that name is taken". */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
