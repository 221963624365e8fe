import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createError } from '../../src/errors.ts';
import errorsPlugin from '../../src/plugins/errors.ts';

const nameTaken = { field: 'body.name', rule: 'unique', message: 'is taken' };

async function appWithRoutes() {
  const app = Fastify({
    logger: false,
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
  });
  await app.register(errorsPlugin);
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/things',
    {
      schema: {
        body: Type.Object(
          { name: Type.String({ minLength: 2 }), count: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
      },
    },
    async () => ({ ok: true }),
  );
  app.get('/boom', async () => {
    throw new Error('connection string postgres://user:pw@db/secret failed');
  });
  app.get('/plugin-error/:status', async (request) => {
    // What a plugin such as @fastify/static throws: an Error with a client status and no AppError code.
    const status = Number((request.params as { status: string }).status);
    throw Object.assign(new Error(`plugin refused with ${status}`), { statusCode: status });
  });
  app.get('/conflict', async () => {
    throw createError('CONFLICT', 'A connector with this name exists', { fields: [nameTaken] });
  });
  await app.ready();
  return app;
}

describe('error handler', () => {
  it('answers validation failures with 400 VALIDATION_FAILED naming each field and rule', async () => {
    const app = await appWithRoutes();
    const res = await app.inject({ method: 'POST', url: '/things', payload: { name: 'x', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.name', rule: 'minLength' }),
        expect.objectContaining({ field: 'body.count', rule: 'required' }),
        expect.objectContaining({ field: 'body.extra', rule: 'additionalProperties' }),
      ]),
    );
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const app = await appWithRoutes();
    const res = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('masks unexpected errors as 500 INTERNAL without internals', async () => {
    const app = await appWithRoutes();
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toMatch(/postgres|secret|stack/);
  });

  it("answers a plugin's client errors with a generic code for their status, never 500", async () => {
    const app = await appWithRoutes();
    const answers = [];
    for (const status of [400, 404, 412, 416, 418]) {
      const res = await app.inject({ method: 'GET', url: `/plugin-error/${status}` });
      answers.push([status, res.statusCode, res.json().error.code]);
    }
    expect(answers).toEqual([
      [400, 400, 'BAD_REQUEST'],
      [404, 404, 'NOT_FOUND'],
      [412, 412, 'PRECONDITION_FAILED'],
      [416, 416, 'RANGE_NOT_SATISFIABLE'],
      [418, 400, 'BAD_REQUEST'],
    ]);
  });

  it('answers an AppError with its status, code and details', async () => {
    const app = await appWithRoutes();
    const res = await app.inject({ method: 'GET', url: '/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: {
        code: 'CONFLICT',
        message: 'A connector with this name exists',
        details: { fields: [nameTaken] },
      },
    });
  });
});
