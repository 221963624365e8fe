import { load } from '../load.ts';
import { type Report, fmt, verdict } from '../report.ts';
import type { ApiProcess, Stack } from '../stack.ts';

const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const runs = 3;

type Slot = { id: string; version: number };
type Ctx = { slot?: Slot };

/** The mixed reads and writes of one connection pool: every connection edits a connector of its own. */
function mixedRequests(stack: Stack, pool: Slot[]) {
  let next = 0;
  const slotOf = (context: Ctx) => {
    context.slot ??= pool[next++ % pool.length];
    return context.slot!;
  };
  const { headers, auth } = stack;
  return [
    { method: 'GET', path: '/api/connectors', headers },
    {
      method: 'PATCH',
      path: '/',
      headers: auth,
      setupRequest: (request: Record<string, unknown>, context: Ctx) => {
        const slot = slotOf(context);
        return {
          ...request,
          path: `/api/connectors/${slot.id}`,
          headers: { ...auth, 'if-match': `W/"${slot.version}"` },
          body: JSON.stringify({ description: `load ${Date.now()}` }),
        };
      },
      onResponse: (status: number, body: string, context: Ctx) => {
        const parsed = JSON.parse(body) as {
          version?: number;
          error?: { details?: { currentVersion?: number } };
        };
        // A 412 can only follow a PATCH cut off at the end of the warm-up: resync from its details.
        const version = status === 200 ? parsed.version : parsed.error?.details?.currentVersion;
        if (version) slotOf(context).version = version;
      },
    },
    {
      method: 'GET',
      path: '/',
      headers,
      setupRequest: (request: Record<string, unknown>, context: Ctx) => ({
        ...request,
        path: `/api/connectors/${slotOf(context).id}`,
      }),
    },
    {
      method: 'GET',
      path: '/',
      headers,
      setupRequest: (request: Record<string, unknown>, context: Ctx) => ({
        ...request,
        path: `/api/audit-events?limit=20&connectorId=${slotOf(context).id}`,
      }),
    },
  ];
}

async function oneRun(stack: Stack, api: ApiProcess) {
  const pool: Slot[] = (await stack.seedConnectors(api, 100, 'Load')).map((id) => ({ id, version: 1 }));
  const requests = mixedRequests(stack, pool) as never;
  // A warm-up of the same mix, so the heap and caches reach their working size before RSS is read.
  await load({ url: api.url, connections: 100, duration: 10, requests });
  // PATCHes cut off when the warm-up ended may have landed: read every version back before the run.
  for (const slot of pool) {
    const res = await fetch(`${api.url}/api/connectors/${slot.id}`, { headers: stack.headers });
    slot.version = ((await res.json()) as { version: number }).version;
  }
  const rssBefore = api.rssKb();
  const mixed = await load({ url: api.url, connections: 100, duration: loadSeconds, requests });
  const rssAfter = api.rssKb();
  return { mixed, rssBefore, rssAfter, growth: (rssAfter - rssBefore) / rssBefore };
}

export async function loadSection(stack: Stack, report: Report) {
  report.section(
    `Load: 100 connections × ${loadSeconds} s of mixed reads and writes (GET list, PATCH, GET one, GET audit), ${runs} runs in a row, each on a fresh API`,
  );
  report.row('run', 'requests', 'errors + non-2xx', 'RSS after 10 s warm-up → after the run', 'goal', '');
  for (let run = 1; run <= runs; run += 1) {
    const api = await stack.startApi();
    const { mixed, rssBefore, rssAfter, growth } = await oneRun(stack, api);
    await stack.stop(api);
    const failures = mixed.errors + mixed.non2xx;
    report.row(
      run,
      mixed.total,
      failures === 0
        ? '0'
        : `${failures} (${mixed.errors} errors/timeouts, ${JSON.stringify(mixed.statuses)})`,
      `${fmt(rssBefore / 1024, 1)} MB → ${fmt(rssAfter / 1024, 1)} MB (${growth >= 0 ? '+' : ''}${fmt(growth * 100, 1)}%)`,
      '0 failures, |growth| ≤ 10%',
      verdict(failures === 0 && Math.abs(growth) <= 0.1),
    );
  }
}
