import { fileURLToPath } from 'node:url';
import { type NodeProcess, startNodeProcess } from '@smsdesk/test-support/node-process';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A Node server of the repository, awaited until `readyPath` answers 200. */
export function startProcess(
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  options: { port?: number; logFile?: string } = {},
): Promise<NodeProcess> {
  return startNodeProcess({ args, env, readyPath, cwd: repoRoot, ...options });
}
