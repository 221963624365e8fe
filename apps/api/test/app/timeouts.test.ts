import { connect, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../helpers/config.ts';

/** Opens a raw connection and sends `head`, then one byte every `everyMs`; resolves when the server closes. */
function trickle(port: number, head: string, everyMs: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  const started = Date.now();
  let received = '';
  let timer: NodeJS.Timeout | undefined;
  socket.on('connect', () => {
    socket.write(head);
    timer = setInterval(() => socket.writable && socket.write('a'), everyMs);
  });
  socket.on('data', (chunk) => {
    received += String(chunk);
  });
  return {
    closed: new Promise<{ afterMs: number; received: string }>((resolve) =>
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ afterMs: Date.now() - started, received });
      }),
    ),
    destroy: () => {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

describe('slow clients are timed out (issue 16, item 5)', () => {
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    app = await buildApp(testConfig({ HTTP_REQUEST_TIMEOUT_MS: '600', HTTP_IDLE_TIMEOUT_MS: '400' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(() => app?.close());

  it('closes a request whose body trickles in one byte at a time', async () => {
    const slow = trickle(
      port,
      'POST /api/connectors HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n',
      100,
    );
    const outcome = await Promise.race([
      slow.closed,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 4000)),
    ]);
    slow.destroy();
    expect(outcome, 'the socket was still open after 4 s').not.toBeNull();
    expect(outcome?.afterMs).toBeLessThan(3000);
  });

  it('answers 408 to headers that trickle in', async () => {
    const slow = trickle(port, 'GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ', 100);
    const outcome = await Promise.race([
      slow.closed,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 4000)),
    ]);
    slow.destroy();
    expect(outcome, 'the socket was still open after 4 s').not.toBeNull();
    expect(outcome?.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection that sends nothing', async () => {
    const idle = trickle(port, '', 60_000);
    const outcome = await Promise.race([
      idle.closed,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 4000)),
    ]);
    idle.destroy();
    expect(outcome).not.toBeNull();
    expect(outcome?.afterMs).toBeLessThan(3000);
  });

  it('sets the configured values on the server, the defaults being finite', async () => {
    expect(app.server.requestTimeout).toBe(600);
    expect(app.server.headersTimeout).toBe(600);
    expect(app.server.keepAliveTimeout).toBe(72_000);
    expect(app.server.timeout).toBe(400);
  });
});
