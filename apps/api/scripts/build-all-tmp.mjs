import { build } from 'esbuild';
await build({
  entryPoints: { server: 'src/server.ts' },
  outdir: process.argv[2],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: ['better-sqlite3', 'pg-native', 'pino-pretty', 'pino', ...(process.argv[3]?.split(',') ?? [])],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
