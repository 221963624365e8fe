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
});
