import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { type Report, fmt, verdict } from '../report.ts';
import type { Stack } from '../stack.ts';
import { postgresSchema } from './history.ts';

/**
 * Two API processes of the production build on one PostgreSQL schema, the same secrets, their own data
 * folders: the goals of "several instances" that a figure shows (the whole suite is
 * apps/api/test/app/two-instances.test.ts).
 */
export async function instancesSection(stack: Stack, report: Report) {
  report.section('Two API processes on one PostgreSQL database');
  report.row('measure', 'figure', 'goal', '');
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) {
    report.row('skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL)', '', '', '');
    return;
  }
  const shared = {
    ...postgresSchema(base),
    SMSDESK_SECRET_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    TEST_SEND_LIMIT_PER_PHONE_PER_HOUR: '5',
    SHUTDOWN_GRACE_MS: '200',
  };
  const start = () => stack.startApi({ ...shared, DATA_DIR: mkdtempSync(join(stack.dir, 'instance-')) });
  const [a, b] = [await start(), await start()];
  const both = [a, b];
  const [id] = await stack.seedConnectors(a, 1, 'Instances');

  const patches = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      fetch(`${both[i % 2]!.url}/api/connectors/${id}`, {
        method: 'PATCH',
        headers: { ...stack.auth, 'if-match': 'W/"1"' },
        body: JSON.stringify({ description: `writer ${i}` }),
      }).then((r) => r.status),
    ),
  );
  const won = patches.filter((s) => s === 200).length;
  const refused = patches.filter((s) => s === 412).length;
  report.row(
    '50 PATCHes with one ETag over both: 200 / 412',
    `${won} / ${refused}`,
    '1 / 49',
    verdict(won === 1 && refused === 49),
  );

  const sends = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      fetch(`${both[i % 2]!.url}/api/connectors/${id}/test-sends`, {
        method: 'POST',
        headers: stack.auth,
        body: JSON.stringify({ phoneNumber: '+8613800138999', usageType: 'SignIn' }),
      }).then((r) => r.status),
    ),
  );
  const sent = sends.filter((s) => s === 201).length;
  const limited = sends.filter((s) => s === 429).length;
  report.row(
    '30 parallel sends to one number over both, limit 5: 201 / 429',
    `${sent} / ${limited}`,
    '5 / 25',
    verdict(sent === 5 && limited === 25),
  );

  const read = async (url: string) =>
    (await (await fetch(`${url}/api/connectors/${id}`, { headers: stack.headers })).json()) as {
      version: number;
    };
  const { version } = await read(a.url);
  await fetch(`${a.url}/api/connectors/${id}`, {
    method: 'PATCH',
    headers: { ...stack.auth, 'if-match': `W/"${version}"` },
    body: JSON.stringify({ description: 'changed on A' }),
  });
  const changed = performance.now();
  let seenMs = Number.POSITIVE_INFINITY;
  while (performance.now() - changed < 3000) {
    const list = (await (await fetch(`${b.url}/api/connectors`, { headers: stack.headers })).json()) as {
      items: Array<{ id: string; description?: string }>;
    };
    if (list.items.find((c) => c.id === id)?.description === 'changed on A') {
      seenMs = performance.now() - changed;
      break;
    }
  }
  report.row("a change on A in B's list after", `${fmt(seenMs, 1)} ms`, '≤ 1000 ms', verdict(seenMs <= 1000));

  // SIGTERM with a send in flight that Tencent answers in 1 s: it completes, the process exits 0.
  stack.emulator.injectFault({ kind: 'delay', delayMs: 1000, action: 'SendSms', count: 1 });
  const inFlight = fetch(`${a.url}/api/connectors/${id}/test-sends`, {
    method: 'POST',
    headers: stack.auth,
    body: JSON.stringify({ phoneNumber: '+8613800138998', usageType: 'SignIn' }),
  }).then((r) => r.status);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const signalled = performance.now();
  const exitCode = await stack.stop(a);
  const drainMs = performance.now() - signalled;
  const status = await inFlight;
  const onB = (await fetch(`${b.url}/health/ready`)).status;
  report.row(
    'SIGTERM with a 1 s send in flight: its answer, exit code, drain time; B ready',
    `${status}, exit ${exitCode}, ${fmt(drainMs, 0)} ms; ${onB}`,
    '201, exit 0, < 10 s; 200',
    verdict(status === 201 && exitCode === 0 && drainMs < 10_000 && onB === 200),
  );
}
