import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '@smsdesk/test-support/chromium';
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
    const { context, close } = await launchBrowser();
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
      await close();
    }
  }
  return median(times);
}
