import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.webOrigin).toBe('http://localhost:5173');
    expect(config.logto.endpoint).toBe('http://localhost:3001');
  });

  it('refuses bad values, listing every bad key and why', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        WEB_ORIGIN: 'http://x.test/path',
        SESSION_SECRET: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT: must be a port number/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL: must be one of/);
    expect(problems.join('\n')).toMatch(/WEB_ORIGIN: must be an origin/);
    expect(problems.join('\n')).toMatch(/SESSION_SECRET: must be at least 32 characters/);
  });

  it('never echoes a secret value in its message', () => {
    expect(() => loadConfig({ SMSDESK_SECRET_KEY: 'hunter2-not-base64!' })).toThrow(/<19 characters>/);
    expect(() => loadConfig({ SMSDESK_SECRET_KEY: 'hunter2-not-base64!' })).not.toThrow(/hunter2/);
  });

  it('requires the secrets it would otherwise generate when NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'development' })).not.toThrow();
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^SESSION_SECRET: must be at least 32 characters/),
      expect.stringMatching(/^SMSDESK_SECRET_KEY: is required when NODE_ENV=production/),
      expect.stringMatching(/^LOGTO_APP_SECRET: is required when NODE_ENV=production/),
    ]);
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      SMSDESK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      LOGTO_APP_SECRET: 'app-secret',
    });
    expect(config.sessionSecret).toBe('x'.repeat(32));
  });
});
