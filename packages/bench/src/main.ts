/**
 * `pnpm bench`: the figures of the README, measured in one run on the production build, as ratios
 * against a bare Fastify baseline where the machine's noise would otherwise decide. Each section runs
 * alone with `pnpm bench -- --only <name>[,<name>]`; a whole run writes results.md.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './processes.ts';
import { Report } from './report.ts';
import { connectorsSection } from './sections/connectors.ts';
import { historySection } from './sections/history.ts';
import { instancesSection } from './sections/instances.ts';
import { loadSection } from './sections/load.ts';
import { pluginsSection } from './sections/plugins.ts';
import { spaSection } from './sections/spa.ts';
import { startupSection } from './sections/startup.ts';
import { testSendSection } from './sections/test-send.ts';
import { Stack } from './stack.ts';

const sections = {
  connectors: connectorsSection,
  plugins: pluginsSection,
  'test-send': testSendSection,
  startup: startupSection,
  history: historySection,
  instances: instancesSection,
  spa: spaSection,
  load: loadSection,
} as const;
type SectionName = keyof typeof sections;

async function main() {
  // `pnpm bench -- --only x` hands the `--` on: it is not the end of the options here.
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const { values } = parseArgs({ args, options: { only: { type: 'string' } }, allowPositionals: true });
  const aliases: Record<string, SectionName> = { logging: 'connectors' };
  const names = (values.only?.split(',').map((n) => aliases[n] ?? n) ??
    Object.keys(sections)) as SectionName[];
  const unknown = names.filter((n) => !(n in sections));
  if (unknown.length)
    throw new Error(`unknown section ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`);
  delete process.env.http_proxy;
  const report = new Report();
  const stack = await Stack.start();
  try {
    for (const name of names) {
      await sections[name](stack, report);
      await stack.stopAll();
    }
  } finally {
    await stack.close();
  }
  // results.md is the whole run's: a partial run only prints.
  if (!values.only) {
    report.write(join(repoRoot, 'packages/bench/results.md'));
    report.writeIntoReadme(join(repoRoot, 'README.md'));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
