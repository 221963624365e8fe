import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The browser tests and the bench use the dev ports (the SPA bundle and the dev apps are made for them). */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(new Error(`Port ${port} (${what}) is in use: stop \`pnpm dev\` before running this.`)),
    );
    server.listen(port, 'localhost', () => server.close(() => resolve()));
  });
}
