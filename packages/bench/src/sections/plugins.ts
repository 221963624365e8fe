import { alternate, load } from '../load.ts';
import { type Report, fmt } from '../report.ts';
import type { Stack } from '../stack.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

// The headers helmet sets (helmet 8), read off a reply of the real API: what its security plugin computed.
const helmetHeaders = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/**
 * What @fastify/cors and @fastify/helmet cost per request, each alone on the bare route, beside what
 * smsdesk does for helmet instead: the same headers, computed once at start, set with one call per reply.
 */
export async function pluginsSection(stack: Stack, report: Report) {
  const api = await stack.startApi();
  await stack.seedConnectors(api, 5);
  const { file } = await stack.listBodyFile(api);
  const health = await fetch(`${api.url}/health`);
  const computed = Object.fromEntries([...health.headers].filter(([name]) => helmetHeaders.includes(name)));
  await stack.stop(api);
  const bare = await stack.startBare(file);
  const cors = await stack.startBare(file, 'cors');
  const helmet = await stack.startBare(file, 'helmet');
  const once = await stack.startBare(file, undefined, { BARE_HEADERS: JSON.stringify(computed) });
  const roundSeconds = Math.max(2, Math.round(seconds / 2));
  report.section(
    `@fastify/cors and @fastify/helmet, each on the bare route, vs helmet's headers computed once (smsdesk), 100 connections: 3 alternating rounds of ${roundSeconds} s`,
  );
  report.row('route', 'req/s', 'ratio to bare', 'p99 ms', 'response headers bytes');
  // The console's origin, so CORS does its whole work (the allow-origin and expose headers).
  const headers = { origin: 'http://localhost:5173' };
  const url = (p: { url: string }) => `${p.url}/api/connectors`;
  const targets = [
    ['bare', 'bare Fastify', bare],
    ['cors', 'bare + @fastify/cors (WEB_ORIGIN, credentials)', cors],
    ['helmet', "bare + @fastify/helmet (smsdesk's CSP)", helmet],
    [
      'once',
      `bare + the same helmet headers computed once (smsdesk, ${Object.keys(computed).length} headers)`,
      once,
    ],
  ] as const;
  for (const [, , target] of targets) await load({ url: url(target), connections: 10, duration: 2, headers });
  const results = await alternate(
    targets.map(([name, , target]) => ({ name, options: { url: url(target), connections: 100, headers } })),
    3,
    roundSeconds,
  );
  for (const [name, label, target] of targets) {
    const r = results.get(name)!;
    const res = await fetch(url(target), { headers });
    const headerBytes = [...res.headers].reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
    report.row(label, fmt(r.result.requestsPerSecond, 0), fmt(r.ratio), r.result.p99, headerBytes);
  }
}
