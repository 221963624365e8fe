import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DevLogto, devClients, startDevLogto } from '@smsdesk/dev-logto';
import { startTencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import type { TestProject } from 'vitest/node';
import { type NodeProcess, startNodeProcess } from '@smsdesk/test-support/node-process';
import { assertPortFree } from '@smsdesk/test-support/ports';

const apiDir = fileURLToPath(new URL('../../api', import.meta.url));
const webDist = fileURLToPath(new URL('../dist', import.meta.url));
const apiPort = 3000;
const logtoPort = 3001;
const emulatorPort = 3002;

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    emulatorUrl: string;
  }
}

let api: NodeProcess | undefined;
let logto: DevLogto | undefined;
let emulator: Awaited<ReturnType<typeof startTencentSmsEmulator>> | undefined;

export async function setup(project: TestProject) {
  await assertPortFree(apiPort, 'API');
  await assertPortFree(logtoPort, 'dev-logto');
  await assertPortFree(emulatorPort, 'Tencent SMS emulator');
  // Templates made in a test are reviewed only when the test approves them through the control API.
  emulator = await startTencentSmsEmulator({ port: emulatorPort, reviewDelayMs: null, limits: false });
  // The SPA bundle is built for the dev ports, so the stack runs on them: dev-logto in this process.
  // Its Management API runs the real Tencent connector, whose requests go to the emulator.
  logto = await startDevLogto({
    port: logtoPort,
    keyFile: `${webDist}/../node_modules/.e2e-jwks.json`,
    tencentEmulatorUrl: emulator.url,
  });
  // The production build, as `pnpm start` runs it: one process serves the SPA and the API.
  api = await startNodeProcess({
    args: ['dist/server.js'],
    cwd: apiDir,
    port: apiPort,
    readyPath: '/health/ready',
    env: {
      WEB_DIST: webDist,
      BASE_URL: `http://localhost:${apiPort}`,
      // The Vite dev origin, trusted only because it is configured (shell.test.ts checks CORS for it).
      WEB_ORIGIN: 'http://localhost:5173',
      LOGTO_ENDPOINT: logto.endpoint,
      LOGTO_APP_ID: devClients.web.clientId,
      LOGTO_APP_SECRET: devClients.web.clientSecret,
      SESSION_SECRET: 'e2e-session-secret-0123456789-abcdefghijkl',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'smsdesk-e2e-')),
      TENCENT_SMS_ENDPOINT: emulator.url,
    },
  });
  const appUrl = `http://localhost:${apiPort}`;
  project.provide('appUrl', appUrl);
  project.provide('emulatorUrl', emulator.url);
}

export async function teardown() {
  await logto?.close();
  await emulator?.close();
  await api?.kill();
}
