import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { assertPortFree, waitForHttp } from './support/ports.ts';

const apiDir = fileURLToPath(new URL('../../api', import.meta.url));
const webDist = fileURLToPath(new URL('../dist', import.meta.url));
const apiPort = 3000;

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

let api: ChildProcess | undefined;

export async function setup(project: TestProject) {
  await assertPortFree(apiPort, 'API');
  // The production build, as `pnpm start` runs it: one process serves the SPA and the API.
  api = spawn(process.execPath, ['dist/server.js'], {
    cwd: apiDir,
    env: { ...process.env, PORT: String(apiPort), HOST: 'localhost', LOG_LEVEL: 'warn', WEB_DIST: webDist },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const appUrl = `http://localhost:${apiPort}`;
  await waitForHttp(`${appUrl}/health`);
  project.provide('appUrl', appUrl);
}

export async function teardown() {
  if (api && api.exitCode === null) {
    const exited = new Promise((resolve) => api?.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
  }
}
