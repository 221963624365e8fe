import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loggerOptions } from '../../src/app.ts';
import { testConfig } from '../helpers/config.ts';
import { loadConfig } from '../../src/config.ts';
import type { FastifyInstance } from 'fastify';
import { startTestStack } from '../helpers/stack.ts';

describe('request logging at the production default (info)', () => {
  const lines: Record<string, unknown>[] = [];
  let app: FastifyInstance;

  beforeAll(async () => {
    const config = testConfig({ LOG_LEVEL: 'info' });
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    app = await buildApp(config, { logger: { ...loggerOptions(config), stream } });
  });
  afterAll(() => app?.close());

  it('writes one line per request with method, route, status, duration, request id and caller', async () => {
    lines.length = 0;
    const res = await app.inject({
      method: 'GET',
      url: '/api/connectors/abc',
      headers: { 'x-request-id': 'req-12345678' },
    });
    expect(res.statusCode).toBe(401);
    await new Promise((r) => setImmediate(r));
    const mine = lines.filter((l) => l.reqId === 'req-12345678');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 30, method: 'GET', route: '/api/connectors/:id', status: 401 });
    expect(typeof mine[0]?.ms).toBe('number');
    // The same bindings as every other line of the app's logger.
    expect(mine[0]).toMatchObject({
      pid: process.pid,
      hostname: expect.any(String),
      time: expect.any(Number),
    });
    expect(JSON.stringify(mine[0])).not.toContain('abc');
  });

  it('names the REQUEST_LOG and LOG_FORMAT settings and refuses other values', () => {
    expect(loadConfig({}).requestLog).toBe('line');
    expect(loadConfig({}).logFormat).toBe('json');
    expect(() => loadConfig({ REQUEST_LOG: 'both', LOG_FORMAT: 'xml' })).toThrow(
      /LOG_FORMAT: must be one of json, pretty[\s\S]*REQUEST_LOG: must be one of line, fastify/,
    );
  });
});

describe('the request line of a signed-in caller', () => {
  it('names the caller by its token subject, never the token', async () => {
    const stack = await startTestStack('sqlite');
    try {
      const headers = { ...(await stack.auth({ sub: 'alice-42' })), 'x-request-id': 'req-caller-1' };
      expect((await stack.app.inject({ method: 'GET', url: '/api/connectors', headers })).statusCode).toBe(
        200,
      );
      await new Promise((r) => setImmediate(r));
      const mine = stack.logLines
        .flatMap((chunk) => chunk.split('\n').filter(Boolean))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((l) => l.reqId === 'req-caller-1' && 'route' in l);
      expect(mine).toEqual([
        expect.objectContaining({ caller: 'alice-42', status: 200, route: '/api/connectors' }),
      ]);
      expect(JSON.stringify(mine)).not.toContain(headers.authorization.slice(7));
    } finally {
      await stack.close();
    }
  });
});
