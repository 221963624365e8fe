import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { devAccount } from '@smsdesk/tencent-sms-emulator';
import { median } from '../load.ts';
import { repoRoot } from '../processes.ts';
import { type Report, fmt, verdict } from '../report.ts';
import type { ApiProcess, Stack } from '../stack.ts';

const sends = Number(process.env.BENCH_HISTORY_SENDS ?? 100_000);
const events = Number(process.env.BENCH_HISTORY_EVENTS ?? 1_000_000);
const templates = Number(process.env.BENCH_TEMPLATES ?? 1000);
const samples = 30;
const apiDir = join(repoRoot, 'apps/api');

/** Runs a script of apps/api (its dependencies: pg, tsx) and fails loudly. */
function inApi(args: string[], env: Record<string, string>): string {
  const run = spawnSync(process.execPath, args, {
    cwd: apiDir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout.trim();
}

/** A fresh schema on the bench's PostgreSQL server, selected with search_path like the suites do. */
export function postgresSchema(base: string): Record<string, string> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  inApi(
    [
      '--input-type=module',
      '-e',
      `import pg from 'pg'; const c = new pg.Client({ connectionString: process.env.BASE }); await c.connect(); await c.query('create schema ${schema}'); await c.end();`,
    ],
    { BASE: base },
  );
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { DATABASE_URL: url.href };
}

/** A keyset cursor as the API encodes it: 90% of the way down a history spread over 90 days. */
function deepCursor(): string {
  const at = new Date(Date.now() - 81 * 24 * 3600_000).toISOString();
  return Buffer.from(JSON.stringify([at, 'ffffffff-ffff-ffff-ffff-ffffffffffff'])).toString('base64url');
}

const pages = (cursor: string) => ({
  'history, first page': '/api/test-sends?limit=20',
  'history, deep cursor (90%)': `/api/test-sends?limit=20&cursor=${cursor}`,
  'audit, first page': '/api/audit-events?limit=20',
  'audit, deep cursor (90%)': `/api/audit-events?limit=20&cursor=${cursor}`,
});

/** Each page on both databases in turn, request by request, so the machine's drift falls on both alike. */
async function timePages(
  stack: Stack,
  apis: [ApiProcess, ApiProcess],
  cursor: string,
): Promise<Array<Record<string, number>>> {
  const times: Array<Record<string, number>> = [{}, {}];
  for (const [label, path] of Object.entries(pages(cursor))) {
    const ms: number[][] = [[], []];
    for (let i = 0; i < samples + 5; i += 1) {
      for (const [which, api] of apis.entries()) {
        const t = performance.now();
        const res = await fetch(`${api.url}${path}`, { headers: stack.headers });
        const body = (await res.json()) as { items?: unknown[] };
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        if (i >= 5) ms[which]!.push(performance.now() - t);
        if (i === 0) times[which]![`${label} items`] = body.items?.length ?? 0;
      }
    }
    for (const which of [0, 1]) times[which]![label] = median(ms[which]!);
  }
  return times;
}

/**
 * The history and audit pages on an empty database and on one with 100,000 sends and 1,000,000 audit
 * events (apps/api/scripts/seed-history.ts), on SQLite and on PostgreSQL (BENCH_DATABASE_URL or
 * TEST_DATABASE_URL); then the templates list and the check against a Tencent account of 1,000 templates.
 */
export async function historySection(stack: Stack, report: Report) {
  const cursor = deepCursor();
  report.section(
    `Large histories: ${sends} test sends and ${events} audit events vs an empty database, pages of 20 (median of ${samples} sequential requests, alternating between the two)`,
  );
  report.row('engine', 'page', 'empty ms', 'large ms', 'ratio', 'goal', '');
  const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const engines: Array<[string, (() => Record<string, string>) | null]> = [
    ['SQLite', () => ({ DATA_DIR: mkdtempSync(join(stack.dir, 'history-')) })],
    [
      'PostgreSQL',
      pgBase ? () => ({ ...postgresSchema(pgBase), DATA_DIR: mkdtempSync(join(stack.dir, 'pg-')) }) : null,
    ],
  ];
  for (const [engine, database] of engines) {
    if (!database) {
      report.row(engine, 'skipped: set BENCH_DATABASE_URL', '', '', '', '', '');
      continue;
    }
    const large = database();
    const seeded = performance.now();
    console.log(inApi(['--import', 'tsx', 'scripts/seed-history.ts', String(sends), String(events)], large));
    const seedMs = performance.now() - seeded;
    const empty = await stack.startApi(database());
    const api = await stack.startApi(large);
    const [before = {}, after = {}] = await timePages(stack, [empty, api], cursor);
    await stack.stop(empty);
    await stack.stop(api);
    for (const label of Object.keys(pages(cursor))) {
      const ratio = (after[label] ?? 0) / Math.max(before[label] ?? 0, 0.01);
      if (after[`${label} items`] !== 20)
        throw new Error(`${engine} ${label}: not a full page on the large database`);
      report.row(
        engine,
        label,
        fmt(before[label] ?? 0, 2),
        fmt(after[label] ?? 0, 2),
        fmt(ratio),
        '≤ 2.00',
        verdict(ratio <= 2),
      );
    }
    report.row(engine, `(seeding took ${fmt(seedMs / 1000, 0)} s)`, '', '', '', '', '');
  }
  await templatesAtScale(stack, report);
}

async function templatesAtScale(stack: Stack, report: Report) {
  for (let i = 0; i < templates; i += 1) {
    stack.emulator.store.addTemplate({
      owner: devAccount.secretId,
      templateName: `Bench template ${i}`,
      templateContent: `Your bench code ${i} is {1}, valid for {2} minutes`,
      smsType: 0,
      international: 0,
      remark: 'bench',
    });
  }
  const api = await stack.startApi();
  const [connectorId] = await stack.seedConnectors(api, 1, 'Templates');
  const list = async () => {
    const t = performance.now();
    const res = await fetch(`${api.url}/api/connectors/${connectorId}/templates`, { headers: stack.headers });
    const body = (await res.json()) as { items: unknown[] };
    if (res.status !== 200) throw new Error(`templates answered ${res.status}`);
    return { ms: performance.now() - t, count: body.items.length };
  };
  const check = async () => {
    const t = performance.now();
    const res = await fetch(`${api.url}/api/connectors/${connectorId}/check`, {
      method: 'POST',
      headers: stack.headers,
    });
    await res.text();
    if (res.status !== 200) throw new Error(`check answered ${res.status}`);
    return performance.now() - t;
  };
  // Warm-up: the first rounds pay for the JIT and the heap reaching its working size.
  for (let i = 0; i < 5; i += 1) {
    await list();
    await check();
  }
  const rssWarm = api.rssKb();
  const listMs: number[] = [];
  const checkMs: number[] = [];
  let count = 0;
  for (let i = 0; i < 20; i += 1) {
    const l = await list();
    listMs.push(l.ms);
    count = l.count;
    checkMs.push(await check());
  }
  const rssAfter = api.rssKb();
  await stack.stop(api);
  const growth = (rssAfter - rssWarm) / rssWarm;
  report.section(
    `A Tencent account with ${templates} templates (emulator): 20 rounds of list + check after 5 of warm-up`,
  );
  report.row('measure', 'figure', 'goal', '');
  report.row('templates listed', count, `≥ ${templates}`, verdict(count >= templates));
  report.row('GET templates, median ms', fmt(median(listMs), 1), '', '');
  report.row('POST check, median ms', fmt(median(checkMs), 1), '', '');
  report.row(
    'RSS after warm-up → after 20 rounds',
    `${fmt(rssWarm / 1024, 1)} MB → ${fmt(rssAfter / 1024, 1)} MB (${growth >= 0 ? '+' : ''}${fmt(growth * 100, 1)}%)`,
    '|growth| ≤ 10% (bounded)',
    verdict(Math.abs(growth) <= 0.1),
  );
}
