/**
 * `pnpm bench`: the figures of the README, measured in one run on the production build, as ratios
 * against a bare Fastify baseline where the machine's noise would otherwise decide. Writes results.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { devClients, generateSigningKey, getClientCredentialsToken, startDevLogto } from '@smsdesk/dev-logto';
import { devAccount, seededTemplateIds, startTencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import * as tencentcloud from 'tencentcloud-sdk-nodejs-sms';
import { devConnectorBody } from '@smsdesk/test-support/connectors';
import { type LoadResult, load, median, medianResult } from './load.ts';
import type { NodeProcess } from '@smsdesk/test-support/node-process';
import { repoRoot, startProcess } from './processes.ts';
import { callbackToDashboardMs, initialJsGzipBytes } from './spa.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const sections: { title: string; rows: string[][] }[] = [];
const section = (title: string) => {
  sections.push({ title, rows: [] });
  console.log(`\n${title}\n`);
};
const row = (...cells: (string | number)[]) => {
  sections.at(-1)?.rows.push(cells.map(String));
  console.log(cells.join(' | '));
};
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main() {
  delete process.env.http_proxy;
  const logto = await startDevLogto({ port: 3001, keys: [await generateSigningKey()] });
  const emulator = await startTencentSmsEmulator({ port: 0, limits: false, reviewDelayMs: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'smsdesk-bench-'));
  const apiEnv = {
    LOGTO_ENDPOINT: logto.endpoint,
    LOGTO_APP_SECRET: devClients.web.clientSecret,
    BASE_URL: 'http://localhost:3000',
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    SMSDESK_SECRET_KEY: randomBytes(32).toString('base64'),
    TENCENT_SMS_ENDPOINT: emulator.url,
    TEST_SEND_LIMIT_PER_USER_PER_HOUR: '100000',
    TEST_SEND_LIMIT_PER_PHONE_PER_HOUR: '100000',
    TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY: '100000',
    WEB_DIST: join(repoRoot, 'apps/web/dist'),
    LOG_LEVEL: 'warn',
  };
  const procs: NodeProcess[] = [];
  try {
    const api = await startProcess(['apps/api/dist/server.js'], apiEnv, '/health/ready', 3000);
    procs.push(api);
    const token = await getClientCredentialsToken({
      endpoint: logto.endpoint,
      clientId: devClients.m2m.clientId,
      clientSecret: devClients.m2m.clientSecret,
      resource: logto.resource,
      scope: 'read:connectors write:connectors write:templates send:sms',
    });
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const connectorIds: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await fetch(`${api.url}/api/connectors`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(devConnectorBody(`Bench ${i}`)),
      });
      if (res.status !== 201)
        throw new Error(`seeding a connector answered ${res.status}: ${await res.text()}`);
      connectorIds.push(((await res.json()) as { id: string }).id);
    }
    const listBody = await (await fetch(`${api.url}/api/connectors`, { headers: auth })).text();
    const bodyFile = join(dataDir, 'connectors.json');
    writeFileSync(bodyFile, listBody);

    const bare = await startProcess(
      ['packages/bench/src/bare-server.mjs'],
      { BARE_BODY_FILE: bodyFile },
      '/health/ready',
    );
    procs.push(bare);
    const uncached = await startProcess(
      ['apps/api/dist/server.js'],
      { ...apiEnv, AUTH_TOKEN_CACHE_SIZE: '0', BASE_URL: 'http://127.0.0.1:0' },
      '/health/ready',
    );
    procs.push(uncached);

    section(
      `1. GET /api/connectors (${listBody.length} bytes, real ES384 token) vs a bare Fastify route with the same JSON: before ${seconds} s, after and bare 3 alternating rounds of ${Math.max(2, Math.round(seconds / 2))} s (medians)`,
    );
    row('measure', 'connections', 'bare', 'smsdesk', 'ratio', 'goal', '');
    const headers = { authorization: auth.authorization };
    const bareUrl = `${bare.url}/api/connectors`;
    const apiUrl = `${api.url}/api/connectors`;
    // JIT and connection warm-up, so the first measured run is not the one that pays for it.
    for (const url of [bareUrl, `${uncached.url}/api/connectors`, apiUrl])
      await load({ url, connections: 10, duration: 2, headers });
    for (const connections of [10, 100]) {
      const before = await load({
        url: `${uncached.url}/api/connectors`,
        connections,
        duration: seconds,
        headers,
      });
      // The bare route and the real one take turns: the machine's drift falls on both alike.
      const roundSeconds = Math.max(2, Math.round(seconds / 2));
      const bases: LoadResult[] = [];
      const afters: LoadResult[] = [];
      for (let round = 0; round < 3; round += 1) {
        bases.push(await load({ url: bareUrl, connections, duration: roundSeconds }));
        afters.push(await load({ url: apiUrl, connections, duration: roundSeconds, headers }));
      }
      const base = medianResult(bases);
      const after = medianResult(afters);
      if (afters.some((r) => r.non2xx) || before.non2xx)
        throw new Error('the real route answered non-2xx under load');
      const ratio = median(afters.map((r, i) => r.requestsPerSecond / (bases[i]?.requestsPerSecond ?? 1)));
      row(
        'req/s, verify every request (before)',
        connections,
        fmt(base.requestsPerSecond, 0),
        fmt(before.requestsPerSecond, 0),
        fmt(before.requestsPerSecond / base.requestsPerSecond),
        '≥ 0.80',
        verdict(before.requestsPerSecond / base.requestsPerSecond >= 0.8),
      );
      row(
        'req/s, verified-token cache (after)',
        connections,
        fmt(base.requestsPerSecond, 0),
        fmt(after.requestsPerSecond, 0),
        fmt(ratio),
        '≥ 0.80',
        verdict(ratio >= 0.8),
      );
      // autocannon reports whole milliseconds: below 1 ms a ratio says nothing.
      const p50Ratio = base.p50 >= 1 ? fmt(after.p50 / base.p50) : '';
      row('p50 ms (after)', connections, base.p50, after.p50, p50Ratio, '', '');
      const p99Ratio = after.p99 / Math.max(base.p99, 1);
      row(
        'p99 ms (before → after)',
        connections,
        base.p99,
        `${before.p99} → ${after.p99}`,
        fmt(p99Ratio),
        connections === 100 ? '≤ 1.50' : '',
        connections === 100 ? verdict(p99Ratio <= 1.5) : '',
      );
    }

    section('2. A test send: through the API vs the SDK straight to the emulator');
    const client = new tencentcloud.sms.v20210111.Client({
      credential: { secretId: devAccount.secretId, secretKey: devAccount.secretKey },
      region: devAccount.region,
      profile: { httpProfile: { endpoint: emulator.endpoint, protocol: 'http://', reqTimeout: 10 } },
    });
    let sent = 0;
    /** 40 sends each way, taking turns; returns the median milliseconds of both. */
    async function sendPairs(): Promise<{ direct: number; viaApi: number }> {
      const direct: number[] = [];
      const viaApi: number[] = [];
      for (let i = 0; i < 40; i += 1) {
        sent += 1;
        const phone = `+86138${String(10000000 + sent).slice(-8)}`;
        let t = performance.now();
        await client.SendSms({
          SmsSdkAppId: devAccount.sdkAppId,
          SignName: devAccount.signName,
          TemplateId: seededTemplateIds.signIn,
          TemplateParamSet: ['123456'],
          PhoneNumberSet: [phone],
        });
        direct.push(performance.now() - t);
        t = performance.now();
        const res = await fetch(`${api.url}/api/connectors/${connectorIds[0]}/test-sends`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ phoneNumber: phone, usageType: 'SignIn', mode: 'smsdesk' }),
        });
        viaApi.push(performance.now() - t);
        if (res.status !== 201) throw new Error(`test send answered ${res.status}: ${await res.text()}`);
      }
      return { direct: median(direct), viaApi: median(viaApi) };
    }
    const sendRow = (label: string, pair: { direct: number; viaApi: number }) => {
      const ratio = pair.viaApi / pair.direct;
      row(label, fmt(pair.direct, 1), fmt(pair.viaApi, 1), fmt(ratio), '≤ 1.30', verdict(ratio <= 1.3));
    };
    row('measure', 'SDK direct ms', 'through smsdesk ms', 'ratio', 'goal', '');
    sendRow('test send, emulator on loopback, median of 40', await sendPairs());
    // Tencent is a network away: the emulator holds each SendSms for a modest round trip of 40 ms.
    emulator.injectFault({ kind: 'delay', delayMs: 40, action: 'SendSms', count: 80 });
    sendRow('test send, Tencent 40 ms away (emulator delay), median of 40', await sendPairs());
    emulator.clearFaults();

    section('3. The SPA (production build)');
    row('measure', 'figure', 'goal', '');
    const { bytes, files } = initialJsGzipBytes();
    row(
      'initial JS, gzip',
      `${fmt(bytes / 1024, 1)} KB in ${files.length} files`,
      '≤ 150 KB',
      verdict(bytes <= 150 * 1024),
    );
    // The SPA's redirect URIs are registered for localhost, not 127.0.0.1.
    const paint = await callbackToDashboardMs('http://localhost:3000');
    row('callback → signed-in dashboard painted (Chromium, median of 3)', `${fmt(paint, 0)} ms`, '', '');

    section('4. Start to ready');
    row('measure', 'smsdesk', 'bare Fastify', 'ratio');
    row(
      'API start → /health/ready 200',
      `${fmt(api.startedInMs, 0)} ms`,
      `${fmt(bare.startedInMs, 0)} ms`,
      fmt(api.startedInMs / bare.startedInMs),
    );

    if (loadSeconds > 0) {
      section(`5. Load: 100 connections × ${loadSeconds} s of mixed reads and writes`);
      // Each connection edits a connector of its own, sequentially, so its If-Match is always current:
      // every write should succeed, and the data stays the same size while the process is watched.
      const pool: { id: string; version: number }[] = [];
      for (let i = 0; i < 100; i += 1) {
        const res = await fetch(`${api.url}/api/connectors`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify(devConnectorBody(`Load ${i}`)),
        });
        pool.push({ id: ((await res.json()) as { id: string }).id, version: 1 });
      }
      type Ctx = { slot?: { id: string; version: number } };
      let next = 0;
      const slotOf = (context: Ctx) => {
        context.slot ??= pool[next++ % pool.length];
        return context.slot!;
      };
      const mixedRequests = [
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
      // A warm-up of the same mix, so the heap and caches reach their working size before RSS is read.
      await load({ url: api.url, connections: 100, duration: 10, requests: mixedRequests as never });
      // PATCHes cut off when the warm-up ended may have landed: read every version back before the run.
      for (const slot of pool) {
        const res = await fetch(`${api.url}/api/connectors/${slot.id}`, { headers });
        slot.version = ((await res.json()) as { version: number }).version;
      }
      row('measure', 'figure', 'goal', '');
      const rssBefore = api.rssKb();
      const mixed = await load({
        url: api.url,
        connections: 100,
        duration: loadSeconds,
        requests: mixedRequests as never,
      });
      const rssAfter = api.rssKb();
      const growth = (rssAfter - rssBefore) / rssBefore;
      const detail = `${mixed.errors} errors/timeouts, non-2xx by status ${JSON.stringify(mixed.statuses)}`;
      row('requests answered (GET list, PATCH, GET one, GET audit)', mixed.total, '', '');
      row(
        'errors + non-2xx',
        `${mixed.errors + mixed.non2xx} (${detail})`,
        '0',
        verdict(mixed.errors + mixed.non2xx === 0),
      );
      row(
        'RSS after a 10 s warm-up → after the run',
        `${fmt(rssBefore / 1024, 1)} MB → ${fmt(rssAfter / 1024, 1)} MB (${fmt(growth * 100, 1)}%)`,
        'growth < 10%',
        verdict(growth < 0.1),
      );
    }
  } finally {
    for (const p of procs) await p.kill();
    await emulator.close();
    await logto.close();
  }
  writeResults();
}

function writeResults() {
  const table = (rows: string[][]) => {
    const width = Math.max(...rows.map((r) => r.length));
    const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
    const [head = [], ...body] = rows;
    return [
      `| ${pad(head).join(' | ')} |`,
      `| ${Array(width).fill('---').join(' | ')} |`,
      ...body.map((r) => `| ${pad(r).join(' | ')} |`),
    ];
  };
  const lines = [
    '# smsdesk benchmark results',
    '',
    `Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version}, ${cpus().length} cores).`,
    'Ratios compare figures taken in the same run on the same machine; the load generator shares its cores.',
    ...sections.flatMap((s) => ['', `## ${s.title}`, '', ...table(s.rows)]),
    '',
  ];
  const file = join(repoRoot, 'packages/bench/results.md');
  writeFileSync(file, lines.join('\n'));
  console.log(`\nWrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
