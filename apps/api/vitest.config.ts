import { defineConfig } from 'vitest/config';

// The suites drive real parts (dev-logto sign-ins, the emulator, PostgreSQL): on a loaded 2-core machine a
// sign-in can take seconds, so a test gets 20 s (as the SPA's do) before it counts as hung.
export default defineConfig({
  test: { testTimeout: 20_000, hookTimeout: 30_000 },
});
