import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from './api-client.ts';

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
});
