import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../helpers/config.ts';

describe('the built SPA, served by the API', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'smsdesk-spa-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>smsdesk</title>');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dist, 'assets', 'app-Abc123.js'), 'console.log(1)');
    app = await buildApp(testConfig({ WEB_DIST: dist }));
  });
  afterAll(() => app.close());

  const get = (url: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') => app.inject({ method, url });

  it('serves its files: hashed assets for a year, the rest revalidated', async () => {
    for (const url of ['/', '/index.html', '/favicon.svg']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const asset = await get('/assets/app-Abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers a client-side route with index.html, and a missing file or API path with 404 JSON', async () => {
    for (const url of ['/connectors', '/connectors/abc/templates?x=1', '/assets']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>smsdesk</title>');
    }
    for (const [url, method] of [
      ['/api/nope', 'GET'],
      ['/assets/nope.js', 'GET'],
      ['/nope.js', 'GET'],
      ['/../package.json', 'GET'],
      ['/health/x', 'GET'],
      ['/docs/nope', 'GET'],
      ['/', 'POST'],
    ] as const) {
      const res = await get(url, method);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code, `${method} ${url}`).toBe('NOT_FOUND');
    }
  });
});
