import { alternate, load } from '../load.ts';
import { type Report, fmt } from '../report.ts';
import type { Stack } from '../stack.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);

/** What @fastify/cors and @fastify/helmet cost per request, each alone on the bare route. */
export async function pluginsSection(stack: Stack, report: Report) {
  const api = await stack.startApi();
  await stack.seedConnectors(api, 5);
  const { file } = await stack.listBodyFile(api);
  await stack.stop(api);
  const bare = await stack.startBare(file);
  const cors = await stack.startBare(file, 'cors');
  const helmet = await stack.startBare(file, 'helmet');
  const roundSeconds = Math.max(2, Math.round(seconds / 2));
  report.section(
    `@fastify/cors and @fastify/helmet, each on the bare route, 100 connections: 3 alternating rounds of ${roundSeconds} s`,
  );
  report.row('route', 'req/s', 'ratio to bare', 'p99 ms', 'response headers bytes');
  // The console's origin, so CORS does its whole work (the allow-origin and expose headers).
  const headers = { origin: 'http://localhost:5173' };
  const url = (p: { url: string }) => `${p.url}/api/connectors`;
  for (const target of [bare, cors, helmet])
    await load({ url: url(target), connections: 10, duration: 2, headers });
  const results = await alternate(
    [bare, cors, helmet].map((p, i) => ({
      name: ['bare', 'cors', 'helmet'][i]!,
      options: { url: url(p), connections: 100, headers },
    })),
    3,
    roundSeconds,
  );
  for (const [name, label, target] of [
    ['bare', 'bare Fastify', bare],
    ['cors', 'bare + @fastify/cors (WEB_ORIGIN, credentials)', cors],
    ['helmet', "bare + @fastify/helmet (smsdesk's CSP)", helmet],
  ] as const) {
    const r = results.get(name)!;
    const res = await fetch(url(target), { headers });
    const headerBytes = [...res.headers].reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
    report.row(label, fmt(r.result.requestsPerSecond, 0), fmt(r.ratio), r.result.p99, headerBytes);
  }
}
