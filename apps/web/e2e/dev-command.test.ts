import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `pnpm dev` as the README gives it, on its fixed ports (3000-3002, 5173): inside a private network namespace
// when the machine allows one (rootless `unshare -rn`), so a developer's own `pnpm dev` is not in the way.

const session = fileURLToPath(new URL('./support/dev-session.mjs', import.meta.url));
const devPorts = [3000, 3001, 3002, 5173];

const privateNetwork = () =>
  spawnSync('unshare', ['-rn', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' }).status === 0;

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

interface Session {
  error?: string;
  exit: { code: number | null; signal: string | null };
  output: string;
  startOutput: string;
  requestOutput: string;
  stopOutput: string;
  sentDelivery: string;
  delivery: string;
  pulls: number;
  callbacks: { url: string; status: number | null }[];
}

async function runSession(): Promise<Session> {
  const isolated = privateNetwork();
  if (!isolated) {
    const busy = [];
    for (const port of devPorts) if (!(await portFree(port))) busy.push(port);
    if (busy.length > 0)
      throw new Error(`no private network namespace here, and the dev ports ${busy.join(', ')} are taken`);
  }
  const [command, args] = isolated
    ? ['unshare', ['-rn', process.execPath, session]]
    : [process.execPath, [session]];
  const child = spawn(command, args, {
    // A developer's shell, not vitest's: vite puts BASE_URL=/, MODE, DEV… into process.env.
    env: {
      ...Object.fromEntries(
        Object.entries(process.env).filter(
          ([name]) => !/^(VITEST.*|BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST)$/.test(name),
        ),
      ),
      DEV_SESSION_NETNS: isolated ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  await new Promise((resolve) => child.once('close', resolve));
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Session;
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('pnpm dev', () => {
  it('starts all four servers, prints one line per request, pushes delivery reports, and Ctrl-C exits 0 quietly', async () => {
    const run = await runSession();
    expect(run.error, run.output).toBeUndefined();

    // Ctrl-C: pnpm exits 0 (no ELIFECYCLE), the API drains, nothing crashes on the way out.
    expect(run.exit).toEqual({ code: 0, signal: null });
    expect(run.output).not.toMatch(/ELIFECYCLE|Command failed|\n\s+at .+:\d+:\d+\)?\n/);
    expect(run.stopOutput).toMatch(/^api +│ .*shut down/m);

    // Start-up: each line carries its task's label; Fastify's duplicate listening line is gone.
    for (const line of lines(run.output).slice(1)) expect(line).toMatch(/^(logto|sms|api|web) +│ +\S/);
    expect(run.startOutput).toContain('smsdesk API listening on http://127.0.0.1:3000');
    expect(run.startOutput).not.toContain('Server listening at');
    expect(run.startOutput).toContain(
      'dev seed: the emulator pushes delivery reports to "Tencent emulator (dev)"',
    );

    // One line per request: method, route pattern, status, ms (and the caller); the emulator's one line is the send.
    const requestLines = lines(run.requestOutput);
    const api = requestLines.filter((line) => line.startsWith('api '));
    expect(api.map((line) => line.replace(/^api +│ \[[\d:.]+\] INFO: /, ''))).toEqual([
      expect.stringMatching(/^GET \/api\/connectors 200 [\d.]+ ms smsdesk-m2m$/),
      expect.stringMatching(/^POST \/api\/connectors\/:id\/test-sends 201 [\d.]+ ms smsdesk-m2m$/),
      expect.stringMatching(/^POST \/tencent-callbacks\/:token 200 [\d.]+ ms$/),
      expect.stringMatching(/^GET \/api\/test-sends\/:id 200 [\d.]+ ms smsdesk-m2m$/),
    ]);
    expect(requestLines.filter((line) => !line.startsWith('api '))).toEqual([
      expect.stringMatching(/^sms +│ \[tencent-sms-emulator\] SendSms → ok$/),
    ]);

    // The delivery report came by the emulator's status callback (no pull), and its token is never printed.
    expect(run.sentDelivery).toBe('pending');
    expect(run.callbacks).toHaveLength(1);
    expect(run.callbacks[0]?.status).toBe(200);
    expect(run.delivery).toBe('delivered');
    expect(run.pulls).toBe(0);
    const token = run.callbacks[0]?.url.split('/').at(-1) ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(run.output).not.toContain(token);
  }, 300_000);
});
