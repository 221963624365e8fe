import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    // No cross-origin caller is trusted unless configured (pnpm dev sets the Vite origin).
    expect(config.webOrigin).toBeNull();
    expect(config.requireSecrets).toBe(false);
    expect(config.apiDocs).toBe(true);
    expect(config.http).toEqual({
      requestTimeoutMs: 30_000,
      idleTimeoutMs: 30_000,
      keepAliveTimeoutMs: 72_000,
      shutdownGraceMs: 0,
      shutdownTimeoutMs: 10_000,
    });
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

  it('requires the secrets it would otherwise generate when SMSDESK_REQUIRE_SECRETS=true, whatever NODE_ENV says', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).not.toThrow();
    let error: unknown;
    try {
      loadConfig({ SMSDESK_REQUIRE_SECRETS: 'true', SESSION_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^SESSION_SECRET: must be at least 32 characters/),
      expect.stringMatching(/^SMSDESK_SECRET_KEY: is required when SMSDESK_REQUIRE_SECRETS=true/),
      expect.stringMatching(/^LOGTO_APP_SECRET: is required when SMSDESK_REQUIRE_SECRETS=true/),
      expect.stringMatching(/^WEB_ORIGIN: is required when SMSDESK_REQUIRE_SECRETS=true/),
    ]);
    const config = loadConfig({
      SMSDESK_REQUIRE_SECRETS: 'true',
      WEB_ORIGIN: 'none',
      SESSION_SECRET: `${'x'.repeat(32)}, ${'y'.repeat(32)}`,
      SMSDESK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      LOGTO_APP_SECRET: 'app-secret',
    });
    expect(config.sessionSecrets).toEqual(['x'.repeat(32), 'y'.repeat(32)]);
    expect(() => loadConfig({ SMSDESK_REQUIRE_SECRETS: 'maybe' })).toThrow(
      /SMSDESK_REQUIRE_SECRETS: must be true or false/,
    );
  });

  it('makes a deployment (SMSDESK_REQUIRE_SECRETS=true) name WEB_ORIGIN, and never trust a loopback one by a copied file', () => {
    const secrets = {
      SMSDESK_REQUIRE_SECRETS: 'true',
      SESSION_SECRET: 'x'.repeat(32),
      SMSDESK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      LOGTO_APP_SECRET: 'app-secret',
      BASE_URL: 'https://smsdesk.example.com',
    };
    expect(() => loadConfig(secrets)).toThrow(/WEB_ORIGIN: is required .*"none" when the API serves it/);
    expect(loadConfig({ ...secrets, WEB_ORIGIN: 'none' }).webOrigin).toBeNull();
    expect(loadConfig({ ...secrets, WEB_ORIGIN: 'https://console.example.com' }).webOrigin).toBe(
      'https://console.example.com',
    );
    for (const local of ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://app.localhost:5173']) {
      expect(() => loadConfig({ ...secrets, WEB_ORIGIN: local })).toThrow(/WEB_ORIGIN: a loopback origin/);
    }
    // A deployment on loopback itself (a test rig, a single-machine install) may trust a loopback SPA.
    expect(
      loadConfig({ ...secrets, BASE_URL: 'http://localhost:3000', WEB_ORIGIN: 'http://localhost:5173' })
        .webOrigin,
    ).toBe('http://localhost:5173');
    // Development (the default) is unchanged: unset means only BASE_URL.
    expect(loadConfig({}).webOrigin).toBeNull();
  });

  it('reads TRUST_PROXY as a flag, a hop count or proxy addresses, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8,127.0.0.1');
    expect(() => loadConfig({ TRUST_PROXY: 'my-proxy' })).toThrow(/TRUST_PROXY: must be true, false/);
  });
});
