import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
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
  close(): Promise<void>;
}

export function sqlitePath(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  return resolve(config.databaseUrl ?? join(config.dataDir, 'smsdesk.db'));
}

export function createDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Db {
  const url = config.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
    // A dropped idle connection must not crash the process; the next query gets a fresh one.
    pool.on('error', () => {});
    const kysely = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
    });
    const parsed = new URL(url);
    return {
      kysely,
      dialect: 'postgres',
      location: `postgres://${parsed.host}${parsed.pathname}`,
      close: () => kysely.destroy(),
    };
  }
  const file = sqlitePath(config);
  mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
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
