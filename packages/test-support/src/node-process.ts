import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { freePort } from './ports.ts';

export interface NodeProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** From spawn to the first 200 of the readiness path. */
  startedInMs: number;
  output(): string;
  rssKb(): number;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface NodeProcessOptions {
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  /** Answers 200 once the process is ready, e.g. `/health/ready`. */
  readyPath: string;
  port?: number;
  timeoutMs?: number;
  /** Sends stdout (the log) to this file, as a production log collector would, instead of to memory. */
  logFile?: string;
}

/** A Node server as its own process, on PORT/HOST, awaited until it is ready. */
export async function startNodeProcess(options: NodeProcessOptions): Promise<NodeProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  let output = '';
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', options.logFile ? openSync(options.logFile, 'a') : 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += String(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const deadline = started + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${options.args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}${options.readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.args.join(' ')} was not ready in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url,
    port,
    child,
    startedInMs: performance.now() - started,
    output: () => output,
    rssKb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0),
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
