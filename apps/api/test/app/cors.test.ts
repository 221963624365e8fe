import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import securityPlugin, { securityHeadersFor } from '../../src/plugins/security.ts';
import { testConfig } from '../helpers/config.ts';

const webOrigin = 'http://localhost:5173';

describe('CORS (@fastify/cors) for the one web origin', () => {
  let app: FastifyInstance;
  let closed: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(testConfig({ WEB_ORIGIN: webOrigin }));
    closed = await buildApp(testConfig());
  });
  afterAll(async () => {
    await app.close();
    await closed.close();
  });

  const preflight = (target: FastifyInstance, origin?: string) =>
    target.inject({
      method: 'OPTIONS',
      url: '/api/connectors',
      headers: {
        ...(origin ? { origin } : {}),
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, if-match',
      },
    });

  it("answers the web origin's preflight with the methods and headers the SPA uses, with the security headers", async () => {
    const res = await preflight(app, webOrigin);
    expect(res.statusCode).toBe(204);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': webOrigin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': 'Authorization, Content-Type, If-Match, If-None-Match',
      'access-control-max-age': '600',
      'x-content-type-options': 'nosniff',
    });
    expect(res.headers.vary).toMatch(/\bOrigin\b/);
  });

  it('refuses the preflight of another origin, of none, and of any origin without WEB_ORIGIN: 404, no CORS header', async () => {
    for (const res of [
      await preflight(app, 'https://evil.example'),
      await preflight(app),
      await preflight(closed, webOrigin),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('exposes the headers the SPA reads on a simple request from the web origin, and only there', async () => {
    const ok = await app.inject({ method: 'GET', url: '/health', headers: { origin: webOrigin } });
    expect(ok.headers['access-control-allow-origin']).toBe(webOrigin);
    expect(ok.headers['access-control-expose-headers']).toBe('ETag, Location, Retry-After, WWW-Authenticate');
    const other = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(Object.keys(other.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(other.headers.vary).toMatch(/\bOrigin\b/);
  });

  it('adds Origin to the Vary a reply already has instead of overwriting it', async () => {
    const config = testConfig({ WEB_ORIGIN: webOrigin });
    const bare = Fastify({ logger: false });
    bare.addHook('onRequest', async (_request, reply) => {
      reply.header('vary', 'Accept-Encoding');
    });
    await bare.register(securityPlugin, { config, headers: securityHeadersFor(config) });
    bare.get('/x', async () => ({ ok: true }));
    try {
      const res = await bare.inject({ method: 'GET', url: '/x', headers: { origin: webOrigin } });
      expect(res.headers.vary).toBe('Accept-Encoding, Origin');
    } finally {
      await bare.close();
    }
  });
});
