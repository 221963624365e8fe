/**
 * `pnpm bench`: the figures of the README, measured in one run on the production build, as ratios
 * against a bare Fastify baseline where the machine's noise would otherwise decide. Writes results.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devClients, generateSigningKey, getClientCredentialsToken, startDevLogto } from '@smsdesk/dev-logto';
import {
  devAccount,
  seededLogtoTemplates,
  seededTemplateIds,
  startTencentSmsEmulator,
} from '@smsdesk/tencent-sms-emulator';
import * as tencentcloud from 'tencentcloud-sdk-nodejs-sms';
import { load, median } from './load.ts';
import type { NodeProcess } from '@smsdesk/test-support/node-process';
import { repoRoot, startProcess } from './processes.ts';
import { callbackToDashboardMs, initialJsGzipBytes } from './spa.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const rows: string[][] = [];
const row = (...cells: (string | number)[]) => {
  rows.push(cells.map(String));
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
        body: JSON.stringify({
          name: `Bench ${i}`,
          accessKeyId: devAccount.secretId,
          accessKeySecret: devAccount.secretKey,
          signName: devAccount.signName,
          region: devAccount.region,
          sdkAppId: devAccount.sdkAppId,
          templates: [...seededLogtoTemplates],
        }),
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

    console.log(
      `\n1. GET /api/connectors (${listBody.length} bytes, ES384 token) vs bare Fastify, ${seconds}s each\n`,
    );
    row('measure', 'connections', 'bare', 'smsdesk', 'ratio', 'goal', '');
    const headers = { authorization: auth.authorization };
    for (const connections of [10, 100]) {
      const base = await load({ url: `${bare.url}/api/connectors`, connections, duration: seconds });
      const before = await load({
        url: `${uncached.url}/api/connectors`,
        connections,
        duration: seconds,
        headers,
      });
      const after = await load({ url: `${api.url}/api/connectors`, connections, duration: seconds, headers });
      if (after.non2xx || before.non2xx) throw new Error('the real route answered non-2xx under load');
      const ratio = after.requestsPerSecond / base.requestsPerSecond;
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
      row('p50 ms (after)', connections, base.p50, after.p50, fmt(after.p50 / Math.max(base.p50, 1)), '', '');
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

    console.log('\n2. A test send: through the API vs the SDK straight to the emulator\n');
    const client = new tencentcloud.sms.v20210111.Client({
      credential: { secretId: devAccount.secretId, secretKey: devAccount.secretKey },
      region: devAccount.region,
      profile: { httpProfile: { endpoint: emulator.endpoint, protocol: 'http://', reqTimeout: 10 } },
    });
    const direct: number[] = [];
    const viaApi: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const phone = `+86138${String(10000000 + i).slice(-8)}`;
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
    const sendRatio = median(viaApi) / median(direct);
    row('measure', 'SDK direct ms', 'through smsdesk ms', 'ratio', 'goal', '');
    row(
      'test send, median of 40',
      fmt(median(direct), 1),
      fmt(median(viaApi), 1),
      fmt(sendRatio),
      '≤ 1.30',
      verdict(sendRatio <= 1.3),
    );

    console.log('\n3. The SPA\n');
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

    console.log('\n4. Start to ready\n');
    row(
      'API start → /health/ready 200',
      `${fmt(api.startedInMs, 0)} ms`,
      `bare Fastify ${fmt(bare.startedInMs, 0)} ms`,
      `ratio ${fmt(api.startedInMs / bare.startedInMs)}`,
    );

    if (loadSeconds > 0) {
      console.log(`\n5. Load: 100 connections × ${loadSeconds}s of mixed reads and writes\n`);
      await load({ url: `${api.url}/api/connectors`, connections: 20, duration: 3, headers });
      const rssBefore = api.rssKb();
      let n = 0;
      const mixed = await load({
        url: api.url,
        connections: 100,
        duration: loadSeconds,
        requests: [
          { method: 'GET', path: '/api/connectors', headers },
          { method: 'GET', path: `/api/connectors/${connectorIds[1]}`, headers },
          {
            method: 'POST',
            path: '/api/connectors',
            headers: auth,
            setupRequest: (request) => {
              n += 1;
              return {
                ...request,
                body: JSON.stringify({
                  name: `Load ${process.pid}-${n}`,
                  accessKeyId: devAccount.secretId,
                  signName: devAccount.signName,
                  region: devAccount.region,
                  sdkAppId: devAccount.sdkAppId,
                }),
              };
            },
          },
          { method: 'GET', path: '/api/audit-events?limit=20', headers },
        ],
      });
      const rssAfter = api.rssKb();
      const growth = (rssAfter - rssBefore) / rssBefore;
      row(
        'requests',
        mixed.total,
        'errors + non-2xx',
        mixed.errors + mixed.non2xx,
        'goal 0',
        verdict(mixed.errors + mixed.non2xx === 0),
      );
      row(
        'RSS',
        `${fmt(rssBefore / 1024, 1)} MB → ${fmt(rssAfter / 1024, 1)} MB`,
        'growth',
        `${fmt(growth * 100, 1)}%`,
        '< 10%',
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
  const lines = [
    '# smsdesk benchmark results',
    '',
    `Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version}).`,
    'Ratios compare figures taken in the same run on the same machine.',
    '',
    '| | | | | | |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${[...cells, '', '', '', '', '', ''].slice(0, 6).join(' | ')} |`),
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
