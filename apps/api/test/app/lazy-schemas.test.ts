import { randomInt } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { lazySchemas } from '../../src/lib/lazy-schemas.ts';
import { testConfig } from '../helpers/config.ts';

// The app's own ajv options, so both sides validate as the API does.
const ajv = {
  customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true },
} as const;

/** The same routes on Fastify's eager compilers or on the lazy ones. */
async function sampleApp(lazy: boolean): Promise<FastifyInstance> {
  const app = Fastify({ ajv, ...(lazy ? { schemaController: lazySchemas().options } : {}) });
  const Item = Type.Object({ id: Type.String(), count: Type.Integer(), tags: Type.Array(Type.String()) });
  app.post(
    '/items/:n',
    {
      schema: {
        params: Type.Object({ n: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({
          tags: Type.Optional(Type.Array(Type.String())),
          mode: Type.Optional(Type.String({ default: 'plain' })),
        }),
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 5 })) }),
        body: Type.Object({
          name: Type.String({ minLength: 1 }),
          kind: Type.Union([Type.Literal('a'), Type.Literal('b')]),
          count: Type.Optional(Type.Integer()),
        }),
        response: { 200: Type.Object({ item: Item, mode: Type.String(), n: Type.Integer() }) },
      },
    },
    async (request) => {
      const { n } = request.params as { n: number };
      const { mode, tags } = request.query as { mode: string; tags?: string[] };
      const body = request.body as { name: string; count?: number };
      // `secret` is not in the response schema: the serializer leaves it out.
      return { item: { id: body.name, count: body.count ?? n, tags: tags ?? [], secret: 'x' }, mode, n };
    },
  );
  await app.ready();
  return app;
}

describe('route schemas compile on first use (issue 15: start to ready)', () => {
  let eager: FastifyInstance;
  let lazy: FastifyInstance;
  beforeAll(async () => {
    eager = await sampleApp(false);
    lazy = await sampleApp(true);
  });
  afterAll(async () => {
    await eager.close();
    await lazy.close();
  });

  it('answers every request exactly as Fastify’s eager compilers do (random inputs, seed printed)', async () => {
    const seed = randomInt(2 ** 31);
    console.log(`lazy-schemas seed ${seed}`);
    let state = seed;
    const pick = <T>(values: T[]): T => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return values[state % values.length] as T;
    };
    for (let i = 0; i < 60; i += 1) {
      const request = {
        method: 'POST' as const,
        url: `/items/${pick(['1', '7', '0', 'x', '2.5'])}${pick(['', '?tags=a', '?tags=a&tags=b', '?mode=m'])}`,
        headers: {
          'content-type': 'application/json',
          ...pick([{}, { 'if-match': 'W/"1"' }, { 'If-Match': 'toolong-value' }]),
        },
        payload: pick([
          { name: 'n', kind: 'a' },
          { name: '', kind: 'c' },
          { name: 'n', kind: 'b', count: '3' },
          { kind: 'a', extra: true },
          { name: 'n', kind: 'a', count: 'three' },
        ]),
      };
      const [a, b] = await Promise.all([eager.inject(request), lazy.inject(request)]);
      expect({ status: b.statusCode, body: b.json() }, JSON.stringify(request)).toEqual({
        status: a.statusCode,
        body: a.json(),
      });
    }
  });

  it('builds the API without compiling a route schema; each compiles, and all of them do', async () => {
    const app = await buildApp(testConfig());
    try {
      const before = app.schemas.pending();
      expect(before).toBeGreaterThan(20);
      expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
      expect(app.schemas.pending()).toBeLessThan(before);
      app.schemas.compileAll();
      expect(app.schemas.pending()).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('compiles the rest in the background once the API listens', async () => {
    const app = await buildApp(testConfig());
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const deadline = Date.now() + 10_000;
      while (app.schemas.pending() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(app.schemas.pending()).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('refuses at start a headers schema that names a header in capitals (Node lowercases them)', async () => {
    const app = Fastify({ ajv, schemaController: lazySchemas().options });
    app.get('/', { schema: { headers: Type.Object({ 'If-Match': Type.String() }) } }, async () => 'ok');
    await expect(app.ready()).rejects.toThrow(/header names must be lowercase/);
  });
});
