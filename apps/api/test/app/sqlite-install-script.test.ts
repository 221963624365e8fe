// The install script that patches/better-sqlite3@12.11.1.patch adds, as installed: when a build tool is not
// on PATH it says so in one line (not "compiling failed"), and the log file keeps the full output.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = join(
  dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'smsdesk-install.js',
);
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the script with only `bin` on PATH (Node by its full path), its log in a fresh TMPDIR. */
function install(tools: Record<string, string>) {
  const bin = mkdtempSync(join(tmpdir(), 'smsdesk-install-bin-'));
  const tmp = mkdtempSync(join(tmpdir(), 'smsdesk-install-tmp-'));
  dirs.push(bin, tmp);
  for (const [name, body] of Object.entries(tools)) {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const run = spawnSync(process.execPath, [script], {
    cwd: tmp,
    env: { PATH: bin, TMPDIR: tmp, npm_config_nodedir: '/usr' },
    encoding: 'utf8',
  });
  const lines = run.stderr.trim().split('\n');
  return { status: run.status, lines, log: readFileSync(join(tmp, 'better-sqlite3-build.log'), 'utf8') };
}

describe("better-sqlite3's patched install script", () => {
  it('says prebuild-install and node-gyp were not found, in one line, when neither is on PATH', () => {
    const run = install({});
    expect(run.status).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/prebuild-install and node-gyp were not found on PATH/);
    expect(run.lines[0]).toMatch(/install node-gyp/);
    expect(run.lines[0]).not.toMatch(/compiling .* failed/);
    expect(run.log).toMatch(/spawnSync node-gyp ENOENT/);
  });

  it('says node-gyp was not found when only the prebuilt download ran (and failed)', () => {
    const run = install({ 'prebuild-install': 'echo "no prebuilt binary for this Node" >&2; exit 1' });
    expect(run.lines).toEqual([expect.stringMatching(/^better-sqlite3: node-gyp was not found on PATH/)]);
    expect(run.log).toContain('no prebuilt binary for this Node');
  });

  it('still says compiling failed when node-gyp ran and failed, and names a missing prebuild-install', () => {
    const run = install({ 'node-gyp': 'echo "gyp ERR! build error" >&2; exit 1' });
    expect(run.lines).toEqual([
      expect.stringMatching(
        /compiling with the headers in \/usr\/include\/node failed \(prebuild-install was not found on PATH/,
      ),
    ]);
    expect(run.log).toContain('gyp ERR! build error');
  });
});
