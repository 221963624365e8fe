import type { DevLogto } from '@smsdesk/dev-logto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.ts';
import { sameOriginPath } from '../../../src/auth/return-to.ts';
import { createDbSessionStore } from '../../../src/db/session-store.ts';
import { SecretBox } from '../../../src/lib/secret-box.ts';
import { testConfig } from '../../helpers/config.ts';
import { devUsers, logtoEnv, signInWithSession, startTestLogto } from '../../helpers/session.ts';

describe('returnTo after a real sign-in through dev-logto (issue 16, items 1 and 2)', () => {
  let logto: DevLogto;
  let app: FastifyInstance;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    logto = await startTestLogto();
    app = await buildApp(testConfig(logtoEnv(logto)));
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await app?.close();
    await logto?.close();
  });

  it('survives a returnTo with characters a Location header cannot carry, keeping them percent-encoded', async () => {
    for (const returnTo of ['/\u3002evil.example', '/a\r\nSet-Cookie: x=1', '/nul\u0000byte', '/é?q=ü#ß']) {
      const { landedOn } = await signInWithSession(app, devUsers.admin, returnTo);
      expect(landedOn).toMatch(/^\/[\x21-\x7e]*$/);
      expect(landedOn.startsWith('//')).toBe(false);
    }
    const { landedOn } = await signInWithSession(app, devUsers.admin, '/\u3002evil.example');
    expect(landedOn).toBe('/%E3%80%82evil.example');
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(unhandled).toEqual([]);
  });

  const offSite = [
    '/\\evil.example',
    '/\\/evil.example',
    '/\t/evil.example',
    '//evil.example',
    '///evil.example',
    '/.//evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'http://localhost:3000.evil.example/',
    'javascript:alert(1)',
    'data:text/html,hi',
    '%2F%2Fevil.example',
  ];
  it.each(offSite)('never leaves the origin for returnTo=%j', async (returnTo) => {
    const { landedOn } = await signInWithSession(app, devUsers.admin, returnTo);
    const resolved = new URL(landedOn, 'http://localhost:3000');
    expect(resolved.origin).toBe('http://localhost:3000');
    expect(landedOn).toMatch(/^\/(?![/\\])/);
  });

  it('keeps an ordinary same-origin path with its query and fragment', async () => {
    const { landedOn } = await signInWithSession(app, devUsers.admin, '/connectors/1?tab=templates#x');
    expect(landedOn).toBe('/connectors/1?tab=templates#x');
  });
});

describe('sameOriginPath', () => {
  it('resolves like a browser and keeps only origin-equal paths', () => {
    const base = 'https://smsdesk.example.com';
    expect(sameOriginPath('/a b', base)).toBe('/a%20b');
    expect(sameOriginPath('https://smsdesk.example.com/x?y', base)).toBe('/x?y');
    expect(sameOriginPath('http://smsdesk.example.com/x', base)).toBe('/');
    expect(sameOriginPath('/auth/sign-out', base)).toBe('/');
    expect(sameOriginPath(undefined, base)).toBe('/');
  });
});

describe('the session store', () => {
  it('hands an exception thrown by a callback on instead of leaving an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const app = await buildApp(testConfig());
    try {
      const caught: unknown[] = [];
      const store = createDbSessionStore(app.db.kysely, {
        box: new SecretBox(Buffer.alloc(32, 1).toString('base64')),
        defaultTtlMs: 60_000,
        onCallbackError: (error) => caught.push(error),
      });
      await new Promise<void>((resolve) => {
        store.set('sid-1', { cookie: {} } as never, () => {
          setTimeout(resolve, 20);
          throw new TypeError('Invalid character in header content ["location"]');
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(caught).toHaveLength(1);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await app.close();
    }
  });
});
