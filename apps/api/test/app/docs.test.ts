import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../helpers/config.ts';

/** Whether the Swagger plugins are loaded in this process (vitest isolates each test file). */
function swaggerLoaded(): boolean {
  return Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('@fastify/swagger'));
}

describe('/docs is built at its first request (issue 15: start to ready)', () => {
  let lazy: FastifyInstance;
  let eager: FastifyInstance;
  beforeAll(async () => {
    lazy = await buildApp(testConfig());
  });
  afterAll(async () => {
    await lazy?.close();
    await eager?.close();
  });

  it('starts without loading @fastify/swagger or @fastify/swagger-ui', async () => {
    expect(swaggerLoaded()).toBe(false);
    expect((await lazy.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    expect(swaggerLoaded()).toBe(false);
    expect((await lazy.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
    expect(swaggerLoaded()).toBe(true);
  });

  it('answers every /docs URL as the plugins registered at start did', async () => {
    eager = await buildApp(testConfig(), { eagerDocs: true });
    const requests = [
      ['GET', '/docs/json'],
      ['GET', '/docs/yaml'],
      ['GET', '/docs'],
      ['GET', '/docs/'],
      ['GET', '/docs/static/index.html'],
      ['GET', '/docs/static/swagger-initializer.js'],
      ['GET', '/docs/static/swagger-ui.css'],
      ['GET', '/docs/static/nope.js'],
      ['GET', '/docs/nope'],
      ['GET', '/docs/uiConfig'],
      ['HEAD', '/docs/json'],
      ['POST', '/docs/json'],
    ] as const;
    for (const [method, url] of requests) {
      const [a, b] = await Promise.all([eager.inject({ method, url }), lazy.inject({ method, url })]);
      const view = (res: typeof a) => {
        const { date: _date, ...headers } = res.headers;
        // A request id is drawn per request; the rest of a 404's body must match.
        return {
          status: res.statusCode,
          headers,
          body: res.body.replace(/request id [\w-]+/, 'request id …'),
        };
      };
      expect(view(b), `${method} ${url}`).toEqual(view(a));
    }
    const doc = (await lazy.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    expect(Object.keys(doc.paths).some((path) => path.startsWith('/docs'))).toBe(false);
  });

  it('serves no /docs with API_DOCS=false', async () => {
    const app = await buildApp(testConfig({ API_DOCS: 'false' }));
    try {
      const res = await app.inject({ method: 'GET', url: '/docs/json' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    } finally {
      await app.close();
    }
  });
});
