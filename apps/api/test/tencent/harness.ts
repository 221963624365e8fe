// Shared set-up for the gateway tests: a real emulator and the SDK gateway to it, and a TCP relay that can
// break connections to produce genuine network errors (the control API is helpers/emulator.ts).
import { type Server, type Socket, createServer, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { type TencentSmsEmulator, devAccount, startTencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { TencentCredentials, TencentGateway } from '../../src/tencent/gateway.ts';
import { createSdkGateway } from '../../src/tencent/sdk-gateway.ts';
import { resetEmulator } from '../helpers/emulator.ts';

export const creds: TencentCredentials = {
  secretId: devAccount.secretId,
  secretKey: devAccount.secretKey,
  region: devAccount.region,
};

export function startEmulator(): Promise<TencentSmsEmulator> {
  // Reviews only through the control API, and no frequency limits, so results do not depend on timing.
  return startTencentSmsEmulator({ port: 0, reviewDelayMs: null, limits: false });
}

/**
 * One emulator for the file, reset before each test, and the SDK gateway to it: read `ctx.emu` and
 * `ctx.gateway` inside the tests (they are set once `beforeAll` has run).
 */
export function useEmulatorGateway(timeoutMs: number): { emu: TencentSmsEmulator; gateway: TencentGateway } {
  const ctx = {} as { emu: TencentSmsEmulator; gateway: TencentGateway };
  beforeAll(async () => {
    ctx.emu = await startEmulator();
    ctx.gateway = createSdkGateway({ endpoint: ctx.emu.url, timeoutMs });
  });
  afterAll(() => ctx.emu?.close());
  beforeEach(() => resetEmulator(ctx.emu));
  return ctx;
}

/** A port nothing listens on: bind, read the port, close. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Forwards to `target`, but destroys the first `breakFirst` connections at once (a network error). */
export async function startFlakyRelay(
  targetPort: number,
  breakFirst: number,
): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (count <= breakFirst) {
      socket.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
