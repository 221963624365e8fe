import { fileURLToPath } from 'node:url';
import { type NodeProcess, startNodeProcess } from '@smsdesk/test-support/node-process';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));

/** The API as its own process (TypeScript sources through tsx), for tests that kill and restart it. */
export function startApiProcess(
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): Promise<NodeProcess> {
  return startNodeProcess({
    ...options,
    args: ['--import', 'tsx', 'src/server.ts'],
    cwd: apiDir,
    readyPath: '/health/ready',
    // vitest puts Vite's BASE_URL=/ into process.env; the API reads BASE_URL as its public URL.
    env: { BASE_URL: 'http://127.0.0.1', ...env },
  });
}
