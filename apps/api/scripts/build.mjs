// Bundles the API into dist/server.js and the migration command into dist/migrate.js (`db:migrate`, no tsx),
// npm dependencies included: resolving and reading ~1,000 module files one by one was half of the start
// (issue 15). Left out, and loaded from node_modules at run time: native addons, the packages that read
// files next to their own code or start worker threads by file name, and those loaded only on demand.
import { build } from 'esbuild';

const external = [
  // native addons (and pg's optional one)
  'better-sqlite3',
  'pg-native',
  // pino's transports run in a worker thread that loads pino's own files
  'pino',
  'pino-pretty',
  // loaded at the first /docs request; swagger-ui serves its static files from its own folder
  '@fastify/swagger',
  '@fastify/swagger-ui',
  // loaded at the first call to Tencent
  'tencentcloud-sdk-nodejs-sms',
];

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
  // The bundled CommonJS packages call require() for Node's modules and the external packages.
  banner: {
    js: "import { createRequire as __smsdeskRequire } from 'node:module'; const require = __smsdeskRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
