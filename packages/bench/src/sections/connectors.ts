import { alternate, load } from '../load.ts';
import { type Report, fmt, verdict } from '../report.ts';
import type { Stack } from '../stack.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

/**
 * The authenticated connector list against a bare Fastify route serving the same JSON, with every
 * production setting at its default (LOG_LEVEL=info, one line per request, asynchronous stdout); and the
 * logging as it was (Fastify's incoming/completed pair, synchronous), in the same rounds.
 */
export async function connectorsSection(stack: Stack, report: Report) {
  const api = await stack.startApi();
  const before = await stack.startApi({ REQUEST_LOG: 'fastify' });
  for (const target of [api, before]) await stack.seedConnectors(target, 5);
  const { file, bytes } = await stack.listBodyFile(api);
  const bare = await stack.startBare(file);
  const roundSeconds = Math.max(2, Math.round(seconds / 2));
  report.section(
    `GET /api/connectors (${bytes} bytes, real ES384 token, LOG_LEVEL=info) vs a bare Fastify route with the same JSON: 3 alternating rounds of ${roundSeconds} s (medians)`,
  );
  report.row('measure', 'connections', 'bare', 'smsdesk', 'ratio', 'goal', '');
  const headers = stack.headers;
  const url = (p: { url: string }) => `${p.url}/api/connectors`;
  // JIT and connection warm-up, so the first measured run is not the one that pays for it.
  for (const target of [bare, api, before])
    await load({ url: url(target), connections: 10, duration: 2, headers });
  for (const connections of [10, 100]) {
    const results = await alternate(
      [
        { name: 'bare', options: { url: url(bare), connections } },
        { name: 'after', options: { url: url(api), connections, headers } },
        { name: 'before', options: { url: url(before), connections, headers } },
      ],
      3,
      roundSeconds,
    );
    const base = results.get('bare')!.result;
    const after = results.get('after')!;
    const old = results.get('before')!;
    const goal = connections === 100;
    report.row(
      'req/s, request log before (Fastify pair, sync stdout)',
      connections,
      fmt(base.requestsPerSecond, 0),
      fmt(old.result.requestsPerSecond, 0),
      fmt(old.ratio),
      '',
      '',
    );
    report.row(
      'req/s, production defaults (one line, async stdout)',
      connections,
      fmt(base.requestsPerSecond, 0),
      fmt(after.result.requestsPerSecond, 0),
      fmt(after.ratio),
      goal ? '≥ 0.80' : '',
      goal ? verdict(after.ratio >= 0.8) : '',
    );
    const p99Ratio = after.result.p99 / Math.max(base.p99, 1);
    report.row(
      'p99 ms, before → production defaults',
      connections,
      base.p99,
      `${old.result.p99} → ${after.result.p99}`,
      fmt(p99Ratio),
      goal ? '≤ 1.50' : '',
      goal ? verdict(p99Ratio <= 1.5) : '',
    );
  }
}
