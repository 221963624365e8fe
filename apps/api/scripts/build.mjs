// Bundles the API into dist/server.js and the migration command into dist/migrate.js (`db:migrate`, no tsx). Workspace packages (TypeScript sources) are bundled in;
// every npm dependency stays external and is loaded from node_modules at run time.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@smsdesk/'));

await build({
  entryPoints: { server: 'src/server.ts', migrate: 'scripts/migrate.ts' },
  // A test builds into a folder of its own (the first argument) to run the result.
  outdir: process.argv[2] ?? 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
