import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const api = join(import.meta.dirname, '../..');
// Inside the package, so the bundle finds its npm dependencies in apps/api/node_modules as dist/ does.
const out = mkdtempSync(join(api, 'node_modules/.migrate-build-'));
const dataDir = mkdtempSync(join(tmpdir(), 'smsdesk-migrate-'));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('db:migrate on the production build', () => {
  it('migrates with plain node (no tsx), then finds nothing to do', async () => {
    await run(process.execPath, ['scripts/build.mjs', out], { cwd: api });
    // Only what a production host has: no tsx loader, no TypeScript, the environment of the deployment.
    const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir };
    const first = await run(process.execPath, [join(out, 'migrate.js')], { cwd: api, env });
    expect(first.stdout).toMatch(/^Applied to .*smsdesk\.db: 2026-11-25-001-connectors-audit-sessions, /);
    const db = new Database(join(dataDir, 'smsdesk.db'), { readonly: true });
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as {
      name: string;
    }[];
    db.close();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['connectors', 'test_sends', 'sessions']),
    );
    const second = await run(process.execPath, [join(out, 'migrate.js')], { cwd: api, env });
    expect(second.stdout).toMatch(/smsdesk\.db is up to date/);
  }, 60_000);
});
