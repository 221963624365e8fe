import { chmodSync, renameSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { sqlitePath } from '../../src/db/database.ts';
import { testConfig } from '../helpers/config.ts';
import { createTestDatabase, databaseKinds } from '../helpers/databases.ts';

// Issue 16, item 8: readiness must prove the database can be written, not only read.
describe('readiness proves a write', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function sqliteApp() {
    const config = testConfig();
    const app = await buildApp(config);
    closers.push(() => app.close());
    const ready = await app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    return { app, file: sqlitePath(config) };
  }

  async function expectDown(app: Awaited<ReturnType<typeof sqliteApp>>['app'], message: RegExp) {
    const res = await app.inject({ url: '/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'not_ready',
      dependencies: [{ name: 'database', status: 'down', message: expect.stringMatching(message) }],
    });
  }

  it('is 503 when the SQLite file was deleted under the running API', async () => {
    const { app, file } = await sqliteApp();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    await expectDown(app, /deleted/);
  });

  it('is 503 when the SQLite file was replaced by another', async () => {
    const { app, file } = await sqliteApp();
    renameSync(file, `${file}.old`);
    const other = await buildApp(testConfig({ DATABASE_URL: file }));
    await other.close();
    await expectDown(app, /replaced/);
  });

  it('is 503 when the SQLite file was made read-only', async () => {
    const { app, file } = await sqliteApp();
    chmodSync(file, 0o444);
    await expectDown(app, /read-only/);
    chmodSync(file, 0o644);
    expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
  });

  it.each(databaseKinds)(
    'is 503 on %s when the database refuses the write, and leaves no row',
    async (kind) => {
      const database = await createTestDatabase(kind);
      const app = await buildApp(testConfig(database.env));
      closers.push(async () => {
        await app.close();
        await database.drop();
      });
      const db = app.db.kysely;
      expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from readiness_probe`.execute(
        db,
      );
      expect(Number(rows[0]?.n)).toBe(0);
      // A database that takes reads but refuses writes (a read-only replica, a full disk) looks like this.
      if (kind === 'sqlite') {
        await sql`create trigger refuse before insert on readiness_probe begin select raise(abort, 'refused: read-only'); end`.execute(
          db,
        );
      } else {
        await sql`create function refuse() returns trigger language plpgsql as $$ begin raise exception 'refused: read-only'; end $$`.execute(
          db,
        );
        await sql`create trigger refuse before insert on readiness_probe for each row execute function refuse()`.execute(
          db,
        );
      }
      await expectDown(app, /refused: read-only/);
    },
  );
});
