import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../src/config.ts';

export const testSessionSecret = 'test-session-secret-0123456789-abcdefghij';

/** A config for tests: defaults, no SPA, quiet logs, a fresh data folder, with overrides. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    SESSION_SECRET: testSessionSecret,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'smsdesk-test-')),
    ...env,
  });
}

/** Abuse limits high enough that a suite's own sends never reach them. */
export const generousLimits = {
  TEST_SEND_LIMIT_PER_USER_PER_HOUR: '1000',
  TEST_SEND_LIMIT_PER_PHONE_PER_HOUR: '1000',
  TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY: '1000',
};
