import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * @logto/client imports `jose` only to verify the ID token after sign-in: it gets a shim that loads jose at
 * that moment (the shim's own `jose` is the one @logto/client would have had).
 */
const joseShim = fileURLToPath(new URL('./src/lib/lazy-jose.js', import.meta.url));
let logtoClientModule: string | undefined;
const lazyJose: Plugin = {
  name: 'smsdesk:lazy-jose',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source !== 'jose' || !importer) return;
    if (importer.includes('/@logto/client/')) {
      logtoClientModule = importer;
      return joseShim;
    }
    if (importer === joseShim && logtoClientModule)
      return this.resolve(source, logtoClientModule, { skipSelf: true });
  },
};

const api = process.env.VITE_DEV_API_PROXY ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [lazyJose, react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(['/api', '/auth', '/docs', '/health'].map((path) => [path, api])),
  },
  preview: { port: 5173, strictPort: true },
  build: { sourcemap: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // jsdom renders slowly on a loaded 2-core machine; a timeout is a failure only when nothing progresses.
    testTimeout: 20_000,
  },
});
