import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { ApiError, apiErrorOf, createApiClient, isApiError } from './api-client.ts';

function fakeFetch(status: number, body: unknown) {
  return vi.fn(
    async () =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

describe('api client', () => {
  it('attaches the bearer token and returns the JSON body', async () => {
    const fetch = fakeFetch(200, { status: 'ok' });
    const client = createApiClient({ baseUrl: 'http://api.test', getAccessToken: async () => 'tok', fetch });
    await expect(client.get('/health')).resolves.toEqual({ status: 'ok' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://api.test/health');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('parses the shared error body and reports a 401 once', async () => {
    const onUnauthorized = vi.fn();
    const client = createApiClient({
      baseUrl: '',
      getAccessToken: async () => null,
      onUnauthorized,
      fetch: fakeFetch(401, { error: { code: 'UNAUTHORIZED', message: 'Sign in first' } }),
    });
    const error = await client.get('/api/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', message: 'Sign in first' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('maps field errors of a 400 to their fields', async () => {
    const client = createApiClient({
      baseUrl: '',
      getAccessToken: async () => null,
      fetch: fakeFetch(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid',
          details: { fields: [{ field: 'body.signName', rule: 'maxLength', message: 'must be at most 12' }] },
        },
      }),
    });
    const error = (await client.get('/x').catch((e: unknown) => e)) as ApiError;
    expect(error.fieldErrors()).toEqual({ signName: 'must be at most 12' });
  });

  it('turns a network failure into a clear error', async () => {
    const client = createApiClient({
      baseUrl: '',
      getAccessToken: async () => null,
      fetch: vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    });
    await expect(client.get('/x')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it("narrows on the shared error codes: the details are then that code's, with no cast", async () => {
    const client = createApiClient({
      baseUrl: '',
      getAccessToken: async () => null,
      fetch: fakeFetch(422, {
        error: { code: 'CODE_MISMATCH', message: 'Wrong code', details: { attemptsLeft: 2 } },
      }),
    });
    const error: unknown = await client.get('/api/x').catch((e: unknown) => e);
    expect(isApiError(error, 'CODE_MISMATCH')).toBe(true);
    expect(isApiError(error, 'CODE_EXPIRED', 'CONFLICT')).toBe(false);
    expect(isApiError(new Error('CODE_MISMATCH'), 'CODE_MISMATCH')).toBe(false);
    if (!isApiError(error, 'CODE_MISMATCH')) throw new Error('not narrowed');
    expectTypeOf(error.code).toEqualTypeOf<'CODE_MISMATCH'>();
    expectTypeOf(error.details).toEqualTypeOf<
      { attemptsLeft: number; logtoCode?: string; logtoMessage?: string } | undefined
    >();
    expect(error.details?.attemptsLeft).toBe(2);
  });

  it("keeps a code this build does not know as HTTP_ERROR, with the API's message and code", () => {
    const error = apiErrorOf(418, { error: { code: 'SOMETHING_NEW', message: 'A brand new refusal' } });
    expect(error).toMatchObject({
      code: 'HTTP_ERROR',
      reportedCode: 'SOMETHING_NEW',
      message: 'A brand new refusal',
    });
    expect(apiErrorOf(409, { error: { code: 'CONFLICT', message: 'Taken' } })).toMatchObject({
      code: 'CONFLICT',
      reportedCode: 'CONFLICT',
    });
  });
});
