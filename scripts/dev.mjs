#!/usr/bin/env node
/**
 * `pnpm dev`: runs each package's own `dev` script (dev-logto, the Tencent emulator, the API, the SPA), every
 * line labelled with its task. Ctrl-C stops them all and exits 0 once they have stopped: the tasks are not run
 * through pnpm, whose "[ELIFECYCLE] Command failed." a task stopped by a signal would print. The root script
 * is `exec node scripts/dev.mjs`: without the exec, pnpm's `sh -c` (dash) would die of the Ctrl-C itself after
 * this runner exited 0, and pnpm would report that as a failure.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tasks = [
  { label: 'logto', dir: 'packages/dev-logto', color: 35 },
  { label: 'sms', dir: 'packages/tencent-sms-emulator', color: 33 },
  { label: 'api', dir: 'apps/api', color: 36 },
  { label: 'web', dir: 'apps/web', color: 32 },
];
/** A task still running this long after it was asked to stop is killed. */
const stopTimeoutMs = Number(process.env.DEV_STOP_TIMEOUT_MS) || 15_000;
const tty = process.stdout.isTTY === true;
const width = Math.max(...tasks.map((task) => task.label.length));
const running = new Map();
let stopping = false;
let stoppedAt = 0;
let exitCode = 0;

function prefix(task) {
  const label = `${task.label.padEnd(width)} │`;
  return tty ? `\u001b[${task.color}m${label}\u001b[0m ` : `${label} `;
}

function say(task, line) {
  process.stdout.write(`${prefix(task)}${line}\n`);
}

function start(task) {
  const cwd = join(root, task.dir);
  const script = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')).scripts?.dev;
  if (!script) throw new Error(`${task.dir}/package.json has no dev script`);
  const bins = [join(cwd, 'node_modules/.bin'), join(root, 'node_modules/.bin')];
  // The task's last command replaces the shell (`exec`), so that the stop reaches it alone: tsx passes it on to
  // the server it runs, which must get it once (a second SIGTERM would cut its drain short). Its own process
  // group, so that a task that does not stop in time is killed with everything it started.
  const command = /&&|;|\|/.test(script) ? script : `exec ${script}`;
  const child = spawn('sh', ['-c', command], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: [...bins, process.env.PATH ?? ''].join(delimiter),
      ...(tty && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
    },
  });
  running.set(task, child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
      // Blank lines (Vite's banner) only spread the tasks' lines apart once labelled.
      if (line.trim() !== '') say(task, line.trimEnd());
    });
  }
  // 'close': the process and every descendant holding its output have gone.
  child.once('close', (code, signal) => {
    running.delete(task);
    if (!stopping) {
      say(task, `stopped by itself (${signal ?? `exit code ${code}`}): stopping the others`);
      exitCode = code || 1;
      stop();
    }
    if (running.size === 0) process.exit(exitCode);
  });
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group has gone already
  }
}

function stop() {
  if (stopping) return;
  stopping = true;
  stoppedAt = Date.now();
  for (const child of running.values()) child.kill('SIGTERM');
  setTimeout(() => {
    for (const [task, child] of running) {
      say(task, `still running ${stopTimeoutMs / 1000} s after the stop: killed`);
      signalGroup(child, 'SIGKILL');
    }
    exitCode = 1;
  }, stopTimeoutMs).unref();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // A second Ctrl-C does not wait (pnpm passes the first one on as well: that copy comes at once).
    if (stopping && signal === 'SIGINT' && Date.now() - stoppedAt > 1000) {
      for (const child of running.values()) signalGroup(child, 'SIGKILL');
      process.exit(130);
    }
    stop();
  });
}
process.on('exit', () => {
  for (const child of running.values()) signalGroup(child, 'SIGKILL');
});

for (const task of tasks) start(task);
