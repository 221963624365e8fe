import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '@smsdesk/test-support/chromium';

describe('the production build served by the API', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ context, close } = await launchBrowser());
  });
  afterAll(() => close());

  it('shows the shell and the sign-in to a signed-out visitor', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(inject('appUrl'));
    await page.getByRole('link', { name: 'smsdesk home' }).waitFor();
    await expect(page.getByRole('button', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: 'Main' }).textContent()).resolves.toContain(
      'Connectors',
    );
    expect(errors).toEqual([]);
  });

  it("shows dev-logto's sign-in page and the emulator's inbox with their favicons, nothing 404 in the console", async () => {
    const page = await context.newPage();
    const failed: string[] = [];
    const icons: string[] = [];
    page.on('response', (res) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
      // The SPA's own favicon may load too (or not, when the click comes first): only these two count.
      const { origin, pathname } = new URL(res.url());
      if (pathname === '/favicon.svg' && [inject('logtoEndpoint'), inject('emulatorUrl')].includes(origin))
        icons.push(`${res.status()} ${origin}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') failed.push(message.text());
    });
    const iconFrom = (origin: string) =>
      page.waitForResponse((res) => res.url() === `${origin}/favicon.svg`, { timeout: 10_000 });
    const logtoIcon = iconFrom(inject('logtoEndpoint'));
    await page.goto(inject('appUrl'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Username').waitFor();
    await logtoIcon;
    const emulatorIcon = iconFrom(inject('emulatorUrl'));
    await page.goto(`${inject('emulatorUrl')}/__emulator/inbox`);
    await emulatorIcon;
    expect(icons).toEqual([`200 ${inject('logtoEndpoint')}`, `200 ${inject('emulatorUrl')}`]);
    expect(failed).toEqual([]);
  });

  it('falls back to the SPA for client-side routes and keeps 404 JSON for the API', async () => {
    const page = await context.newPage();
    const res = await page.goto(`${inject('appUrl')}/connectors`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toContain('text/html');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const api = await fetch(`${inject('appUrl')}/api/nope`);
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('NOT_FOUND');
  });

  it('sends the helmet headers on the SPA and the API, and CORS refuses other origins', async () => {
    for (const path of ['/', '/connectors', '/api/connectors', '/health']) {
      const res = await fetch(`${inject('appUrl')}${path}`, { headers: { origin: 'https://evil.example' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain('connect-src');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      // The e2e stack is served over http: no HSTS (only an https BASE_URL sends it).
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
    const preflight = await fetch(`${inject('appUrl')}/api/connectors`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await fetch(`${inject('appUrl')}/api/connectors`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PATCH' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});
