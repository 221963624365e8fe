import { readFileSync } from 'node:fs';
import { median } from '../load.ts';
import { type Report, fmt, verdict } from '../report.ts';
import type { Stack } from '../stack.ts';

const runs = 5;

/** Spawn → first 200 of /health/ready, on a fresh data folder each time (migrations included). */
export async function startupSection(stack: Stack, report: Report) {
  const api = await stack.startApi();
  await stack.seedConnectors(api, 1);
  const { file } = await stack.listBodyFile(api);
  await stack.stop(api);
  const apiTimes: number[] = [];
  const bareTimes: number[] = [];
  const phases: Record<'importsMs' | 'buildMs' | 'listenMs', number[]> = {
    importsMs: [],
    buildMs: [],
    listenMs: [],
  };
  for (let i = 0; i < runs; i += 1) {
    const bare = await stack.startBare(file);
    bareTimes.push(bare.startedInMs);
    await stack.stop(bare);
    const started = await stack.startApi();
    apiTimes.push(started.startedInMs);
    await stack.stop(started);
    const line = readFileSync(started.logFile, 'utf8')
      .split('\n')
      .find((l) => l.includes('"startup"'));
    const startup = line
      ? (JSON.parse(line) as { startup: Record<keyof typeof phases, number> }).startup
      : null;
    for (const key of Object.keys(phases) as (keyof typeof phases)[])
      if (startup) phases[key].push(startup[key]);
  }
  const apiMs = median(apiTimes);
  const bareMs = median(bareTimes);
  report.section(`Start to ready (median of ${runs}, each on a fresh data folder)`);
  report.row('measure', 'smsdesk', 'bare Fastify', 'ratio', 'goal', '');
  report.row(
    'API start → /health/ready 200',
    `${fmt(apiMs, 0)} ms`,
    `${fmt(bareMs, 0)} ms`,
    fmt(apiMs / bareMs),
    '≤ 1000 ms',
    verdict(apiMs <= 1000),
  );
  report.row(
    'of which: loading modules, building the app (migrations, schemas), listening',
    `${median(phases.importsMs)} + ${median(phases.buildMs)} + ${median(phases.listenMs)} ms`,
    '',
    '',
    '',
    '',
  );
}
