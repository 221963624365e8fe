import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { median } from './load.ts';
import { repoRoot } from './processes.ts';

const dist = join(repoRoot, 'apps/web/dist');

/** The JS a first visit downloads: the entry script and the chunks index.html preloads, gzipped. */
export function initialJsGzipBytes(): { bytes: number; files: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
  return { bytes, files };
}

/** Median time from the browser's request of /callback to the signed-in dashboard painted. */
export async function callbackToDashboardMs(appUrl: string, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const userDataDir = mkdtempSync(join(tmpdir(), 'smsdesk-bench-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await context.newPage();
      let callbackAt = 0;
      page.on('request', (request) => {
        if (request.url().includes('/callback?') && !callbackAt) callbackAt = performance.now();
      });
      await page.goto(appUrl);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Username').fill('admin');
      await page.getByLabel('Password').fill('smsdesk-admin');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Connectors', exact: true }).waitFor({ timeout: 30_000 });
      await page.getByTestId('signed-in-user').waitFor();
      times.push(performance.now() - callbackAt);
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  }
  return median(times);
}
