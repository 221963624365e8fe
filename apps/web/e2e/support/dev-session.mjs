/**
 * One `pnpm dev` session, as a developer has it: start, wait until all four servers answer, sign a machine
 * in, make a test send, Ctrl-C. Run by e2e/dev-command.test.ts, usually inside a private network namespace
 * (the dev ports are fixed), so it only observes and prints one JSON object; the test judges it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
if (process.env.DEV_SESSION_NETNS === '1') spawnSync('ip', ['link', 'set', 'lo', 'up'], { stdio: 'inherit' });

const scratch = mkdtempSync(join(tmpdir(), 'smsdesk-dev-session-'));
const dev = spawn('pnpm', ['dev'], {
  cwd: root,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    // A database, data folder and dev-logto tenant of its own: the developer's stay as they were.
    DATABASE_URL: join(scratch, 'smsdesk.db'),
    DATA_DIR: join(scratch, 'data'),
    DEV_LOGTO_STATE_FILE: join(scratch, 'dev-logto.json'),
  },
});
let output = '';
dev.stdout.on('data', (chunk) => (output += chunk));
dev.stderr.on('data', (chunk) => (output += chunk));
let ended = false;
const exited = new Promise((resolve) =>
  dev.once('exit', (code, signal) => {
    ended = true;
    resolve({ code, signal });
  }),
);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, probe, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      // not up yet (dev-logto may hold a request made while it starts: each probe has its own timeout)
    }
    if (ended) throw new Error(`pnpm dev ended while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const ok = (url) => async () => (await fetch(url, { signal: AbortSignal.timeout(5000) })).ok;
const json = async (response) => {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return response.json();
};

const result = {};
try {
  await until('dev-logto', ok('http://localhost:3001/oidc/.well-known/openid-configuration'));
  await until('the emulator', ok('http://127.0.0.1:3002/__emulator/health'));
  await until('the API', ok('http://127.0.0.1:3000/health/ready'));
  await until('the SPA', ok('http://127.0.0.1:5173/'));
  await sleep(500);
  result.startOutput = output;

  const basic = Buffer.from('smsdesk-m2m:smsdesk-m2m-secret').toString('base64');
  const { access_token: token } = await json(
    await fetch('http://localhost:3001/oidc/token', {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        resource: 'https://api.smsdesk.local',
        scope: 'read:connectors send:sms',
      }),
    }),
  );
  const auth = { authorization: `Bearer ${token}` };
  const requestsFrom = output.length;
  const { items } = await json(await fetch('http://127.0.0.1:3000/api/connectors', { headers: auth }));
  const connector = items.find((c) => c.name === 'Tencent emulator (dev)');
  const sent = await json(
    await fetch(`http://127.0.0.1:3000/api/connectors/${connector.id}/test-sends`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumber: '+8613900139000', usageType: 'SignIn', mode: 'smsdesk' }),
    }),
  );
  result.sentDelivery = sent.delivery.status;
  // Tencent's report reaches the API by the status callback, with no read of the send in between.
  result.callbacks = await until(
    'a delivery report pushed to the API',
    async () => {
      const { callbacks } = await json(await fetch('http://127.0.0.1:3002/__emulator/callbacks'));
      return callbacks.length > 0 && callbacks.every((c) => c.status !== undefined) ? callbacks : undefined;
    },
    20_000,
  );
  const read = await json(await fetch(`http://127.0.0.1:3000/api/test-sends/${sent.id}`, { headers: auth }));
  result.delivery = read.delivery.status;
  const pulls = await json(await fetch('http://127.0.0.1:3002/__emulator/requests?action=PullSmsSendStatus'));
  result.pulls = pulls.requests.length;
  await sleep(1000);
  result.requestOutput = output.slice(requestsFrom);
} catch (error) {
  result.error = String(error?.stack ?? error);
}

// Ctrl-C reaches the whole foreground process group.
const stopFrom = output.length;
const signal = (name) => {
  try {
    process.kill(-dev.pid, name);
  } catch {
    // pnpm dev has ended already
  }
};
signal('SIGINT');
const timer = setTimeout(() => signal('SIGKILL'), 30_000);
result.exit = await exited;
clearTimeout(timer);
// What the tasks still write while stopping arrives after pnpm has gone: give it a moment.
await sleep(1000);
result.stopOutput = output.slice(stopFrom);
result.output = output;
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
