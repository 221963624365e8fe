import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DevLogto, devClients, generateSigningKey, startDevLogto } from '@smsdesk/dev-logto';
import { startTencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import type { TestProject } from 'vitest/node';
import { type NodeProcess, startNodeProcess } from '@smsdesk/test-support/node-process';
import { freePort } from '@smsdesk/test-support/ports';

const apiDir = fileURLToPath(new URL('../../api', import.meta.url));
const webDir = fileURLToPath(new URL('..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    emulatorUrl: string;
    /** dev-logto's LOGTO_ENDPOINT, `http://localhost:<free port>`. */
    logtoEndpoint: string;
  }
}

let api: NodeProcess | undefined;
let logto: DevLogto | undefined;
let emulator: Awaited<ReturnType<typeof startTencentSmsEmulator>> | undefined;
const scratch: string[] = [];

/**
 * The production build of the SPA for this run's dev-logto: the Logto endpoint is compiled into the bundle,
 * so it is built here for the port the OS gave, into a scratch folder (apps/web/dist stays as it was).
 */
async function buildSpa(logtoEndpoint: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'smsdesk-e2e-web-'));
  scratch.push(outDir);
  const vite = join(webDir, 'node_modules/vite/bin/vite.js');
  const child = spawn(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: webDir,
      env: { ...process.env, VITE_LOGTO_ENDPOINT: logtoEndpoint },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build for the browser tests failed (${code}):\n${output}`);
  return outDir;
}

/**
 * A stack of its own on ports the OS picks: dev-logto, the emulator and the API serving the SPA, so the
 * browser tests run beside `pnpm dev` (which holds 3000–3002 and 5173) and beside another test run.
 */
export async function setup(project: TestProject) {
  // Templates made in a test are reviewed only when the test approves them through the control API.
  emulator = await startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
  // The API's port is chosen first: dev-logto must accept its origin as a redirect target.
  const apiPort = await freePort();
  const appUrl = `http://localhost:${apiPort}`;
  // dev-logto in this process; its Management API runs the real Tencent connector, sending to the emulator.
  logto = await startDevLogto({
    port: 0,
    keys: [await generateSigningKey()],
    extraRedirectOrigins: [appUrl],
    tencentEmulatorUrl: emulator.url,
  });
  const webDist = await buildSpa(logto.endpoint);
  const dataDir = mkdtempSync(join(tmpdir(), 'smsdesk-e2e-'));
  scratch.push(dataDir);
  // The production build, as `pnpm start` runs it: one process serves the SPA and the API.
  api = await startNodeProcess({
    args: ['dist/server.js'],
    cwd: apiDir,
    port: apiPort,
    readyPath: '/health/ready',
    env: {
      WEB_DIST: webDist,
      BASE_URL: appUrl,
      // A Vite dev origin, trusted only because it is configured (shell.test.ts checks CORS for it); no
      // server listens there.
      WEB_ORIGIN: 'http://localhost:5173',
      LOGTO_ENDPOINT: logto.endpoint,
      LOGTO_APP_ID: devClients.web.clientId,
      LOGTO_APP_SECRET: devClients.web.clientSecret,
      SESSION_SECRET: 'e2e-session-secret-0123456789-abcdefghijkl',
      DATA_DIR: dataDir,
      TENCENT_SMS_ENDPOINT: emulator.url,
    },
  });
  project.provide('appUrl', appUrl);
  project.provide('emulatorUrl', emulator.url);
  project.provide('logtoEndpoint', logto.endpoint);
}

export async function teardown() {
  await api?.kill();
  await logto?.close();
  await emulator?.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}
