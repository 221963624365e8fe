import { createServer } from 'node:net';

/** The e2e stack uses the dev ports (the SPA build and the dev apps are made for them). */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new Error(`Port ${port} (${what}) is in use: stop \`pnpm dev\` before running the browser tests.`),
      ),
    );
    server.listen(port, 'localhost', () => server.close(() => resolve()));
  });
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = new Error(`${url} answered ${res.status}`);
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms: ${(last as Error)?.message}`);
}
