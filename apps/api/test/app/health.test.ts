import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createDb } from '../../src/db/database.ts';
import { testConfig } from '../helpers/config.ts';

describe('health', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(testConfig({ WEB_ORIGIN: 'http://localhost:5173' }));
  });
  afterAll(() => app.close());

  it('answers liveness', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers readiness with its dependencies', async () => {
    const res = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ready',
      dependencies: [{ name: 'database', status: 'up', latencyMs: expect.any(Number) }],
    });
  });

  it('answers readiness 503 naming the database when it is down', async () => {
    // The real app on a real SQLite database that the test closes under it.
    const config = testConfig();
    const db = createDb(config);
    const own = await buildApp(config, { db });
    try {
      expect((await own.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
      await db.close();
      const res = await own.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'not_ready',
        dependencies: [{ name: 'database', status: 'down', message: expect.any(String) }],
      });
      // Liveness is not readiness: the process itself still answers.
      expect((await own.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('answers unknown routes with 404 in the shared error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route GET /api/nope' } });
  });

  it('publishes an OpenAPI 3 document generated from the routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/health/ready');
  });

  it('lets "Try it out" in /docs use a bearer token that survives a reload', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/me'].get.security).toEqual([{ bearer: [] }]);
    const initializer = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    expect(initializer.body).toMatch(/"persistAuthorization":\s*true/);
  });

  it('sets security headers and limits CORS to the web origin', async () => {
    const ok = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-security-policy']).toContain("default-src 'self'");
    const other = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
