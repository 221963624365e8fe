import { defineConfig } from 'vitest/config';

// No browser test may rely on another having run first: files and the tests in them run in a fresh
// random order each time. E2E_SEED=<n> replays an order.
const seed = Number(process.env.E2E_SEED) || Math.floor(Math.random() * 1_000_000);
console.log(`e2e order seed ${seed} (replay with E2E_SEED=${seed})`);

// Browser tests: real Chromium against the production build of the whole stack, on ports of their own.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    sequence: { shuffle: { files: true, tests: true }, seed },
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
