import { type Config, loadConfig } from '../../src/config.ts';

/** A config for tests: defaults, no SPA, quiet logs, with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' }), ...overrides };
}
