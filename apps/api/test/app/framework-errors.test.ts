import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../helpers/config.ts';

// Issue 16, item 9: every answer, even one the router or Node's parser gives, has the shared body and CSP.
describe('framework-level errors', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await buildApp(testConfig());
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(() => app?.close());

  /** Sends bytes as they are and reads the raw answer: status, headers, body. */
  function raw(request: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(request));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('error', reject);
      socket.on('close', () => {
        const [head = '', body = ''] = text.split('\r\n\r\n');
        const [statusLine = '', ...lines] = head.split('\r\n');
        const headers = Object.fromEntries(
          lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
        );
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
      });
    });
  }

  function expectShared(
    res: { status: number; headers: Record<string, string>; body: string },
    status: number,
    code: string,
  ) {
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body)).toEqual({ error: { code, message: expect.any(String) } });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  }

  it('answers a URL that does not decode (/%c0%ae) with 400 and the shared body', async () => {
    const res = await raw('GET /%c0%ae HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expectShared(res, 400, 'BAD_REQUEST');
  });

  it('answers an over-long :id with 414, without echoing it', async () => {
    const id = 'a'.repeat(500);
    const res = await raw(`GET /api/connectors/${id} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expectShared(res, 414, 'URI_TOO_LONG');
    expect(res.body).not.toContain(id);
  });

  it.each([
    ['a 20 KB URL', `GET /api/connectors?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
    [
      'a 100 KB token',
      `GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'t'.repeat(100_000)}\r\n\r\n`,
    ],
  ])('answers %s with 431 and the shared body', async (_label, request) => {
    expectShared(await raw(request), 431, 'HEADERS_TOO_LARGE');
  });

  it.each([
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n'],
    ['a header without a colon', 'GET /health HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n'],
  ])('answers %s with 400 and the shared body', async (_label, request) => {
    expectShared(await raw(request), 400, 'BAD_REQUEST');
  });

  it('still serves the next request', async () => {
    const res = await raw('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(200);
  });
});
