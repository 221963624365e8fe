// Shared set-up for the gateway tests: a real emulator, control-API helpers, and a TCP relay that can
// break connections to produce genuine network errors.
import { type Server, type Socket, createServer, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { type TencentSmsEmulator, devAccount, startTencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { TencentCredentials, TencentGateway } from '../../src/tencent/gateway.ts';
import { createSdkGateway } from '../../src/tencent/sdk-gateway.ts';

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

export async function injectFault(
  emu: TencentSmsEmulator,
  fault: {
    kind: 'delay' | 'http500' | 'non_json' | 'error';
    count?: number;
    action?: string;
    delayMs?: number;
    code?: string;
    message?: string;
  },
): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!res.ok) throw new Error(`fault refused: ${res.status} ${await res.text()}`);
}

export async function requestsOf(
  emu: TencentSmsEmulator,
  action: string,
): Promise<Array<{ action: string; params: Record<string, unknown>; outcome: string }>> {
  const res = await fetch(`${emu.url}/__emulator/requests?action=${action}`);
  const body = (await res.json()) as {
    requests: Array<{ action: string; params: Record<string, unknown>; outcome: string }>;
  };
  return body.requests;
}

export async function resetEmulator(emu: TencentSmsEmulator): Promise<void> {
  await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
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
