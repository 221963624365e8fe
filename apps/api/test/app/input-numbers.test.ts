import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../helpers/databases.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';

describe.each(databaseKinds)('limit=Infinity and friends on %s (issue 16, item 6)', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.close());

  const cases = ['Infinity', '-Infinity', '1e400', '1e309', '-1e309'];
  for (const url of ['/api/audit-events', '/api/test-sends']) {
    it.each(cases)(`${url}?limit=%s is a 400 naming querystring.limit`, async (limit) => {
      const res = await stack.app.inject({
        method: 'GET',
        url,
        query: { limit },
        headers: await stack.auth(),
      });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.fields).toEqual([
        expect.objectContaining({ field: 'querystring.limit', message: expect.any(String) }),
      ]);
    });
  }

  it('still takes an ordinary limit', async () => {
    const res = await stack.app.inject({
      method: 'GET',
      url: '/api/audit-events?limit=5',
      headers: await stack.auth(),
    });
    expect(res.statusCode).toBe(200);
  });
});
