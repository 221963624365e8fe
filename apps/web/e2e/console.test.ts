import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '@smsdesk/test-support/chromium';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createConnector } from './support/connectors.ts';

// Screenshots of every screen in both languages, at desktop width and at 360 px, for review.
const outputDir = fileURLToPath(new URL('../e2e-output/screenshots/', import.meta.url));

interface EmulatorMessage {
  params: string[];
}

async function lastCode(emulatorUrl: string, phone: string, before: number): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`${emulatorUrl}/__emulator/messages?phone=${encodeURIComponent(phone)}`);
    const { messages } = (await res.json()) as { messages: EmulatorMessage[] };
    if (messages.length > before) return messages[0]?.params[0] ?? '';
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no new message for ${phone}`);
}

async function messageCount(emulatorUrl: string, phone: string): Promise<number> {
  const res = await fetch(`${emulatorUrl}/__emulator/messages?phone=${encodeURIComponent(phone)}`);
  return ((await res.json()) as { messages: EmulatorMessage[] }).messages.length;
}

/** The SPA's sign-in button in the page's language, then dev-logto's (English) form. */
async function signIn(page: Page, appUrl: string, spaButton: string) {
  await page.goto(appUrl);
  await page.getByRole('button', { name: spaButton, exact: true }).click();
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('smsdesk-admin');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor({ timeout: 20_000 });
  await page.waitForURL((url) => url.pathname !== '/callback', { timeout: 20_000 });
}

/** Waits until nothing on the page says it is loading. */
async function settled(page: Page) {
  await page.locator('main').waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, {
    timeout: 20_000,
  });
}

async function shoot(page: Page, language: string, name: string) {
  mkdirSync(`${outputDir}${language}`, { recursive: true });
  await page.screenshot({ path: `${outputDir}${language}/${name}.png`, fullPage: true });
}

/** The page does not scroll sideways: nothing is wider than the viewport. */
async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; width: number; widest: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let widest = '';
    for (const el of document.querySelectorAll('body *')) {
      const rect = el.getBoundingClientRect();
      // An element past the edge (text that does not wrap shows in scrollWidth instead).
      if (rect.right > width + 1 && rect.width > 0) {
        const text = (el.textContent ?? '').slice(0, 40);
        widest = `${el.tagName.toLowerCase()}.${el.className} (${Math.round(rect.right)} px) ${text}`;
        break;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, widest };
  });
}

const languages = [
  {
    locale: 'en',
    signIn: 'Sign in',
    nav: 'Connectors',
    send: 'Send test code',
    phone: 'Phone number',
    logtoMode: /^Logto-exact/,
    uiLocales: 'ui_locales (optional)',
    uiLocalesSentence: 'Write a language tag such as zh-CN or en.',
    codeLabel: 'Enter the code you received',
    verify: 'Verify',
    verified: 'Verified',
    historyVerify: 'Enter code',
    uiLocalesDiagnosis: 'Logto added the sign-in language as a second parameter',
  },
  {
    locale: 'zh-CN',
    signIn: '登录',
    nav: '连接器',
    send: '发送测试验证码',
    phone: '手机号',
    logtoMode: /^与 Logto 一致/,
    uiLocales: 'ui_locales（可选）',
    uiLocalesSentence: '请填写语言标签，例如 zh-CN 或 en。',
    codeLabel: '输入收到的验证码',
    verify: '验证',
    verified: '已验证',
    historyVerify: '输入验证码',
    uiLocalesDiagnosis: 'Logto 把登录语言作为第二个参数',
  },
] as const;

describe('the console in English and Chinese, at any width', () => {
  const appUrl = inject('appUrl');
  const emulatorUrl = inject('emulatorUrl');
  let connectorPath = '';

  beforeAll(async () => {
    // One connector for both languages, made through the English form (connectors.test.ts covers it).
    const { context, close } = await launchBrowser({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      await signIn(page, appUrl, 'Sign in');
      connectorPath = await createConnector(page, appUrl, `e2e console ${Date.now().toString(36)}`);
    } finally {
      await close();
    }
  });

  for (const lang of languages) {
    describe(`in ${lang.locale}`, () => {
      let page: Page;
      let close: () => Promise<void>;
      const routerWarnings: string[] = [];
      const phone = lang.locale === 'en' ? '+8613800138011' : '+8613800138012';

      beforeAll(async () => {
        const browser = await launchBrowser({ locale: lang.locale, viewport: { width: 1280, height: 900 } });
        close = browser.close;
        page = await browser.context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (message) => {
          if (/react router|react-router/i.test(message.text())) routerWarnings.push(message.text());
        });
        await page.goto(appUrl);
        await settled(page);
        await shoot(page, lang.locale, '01-landing');
        await signIn(page, appUrl, lang.signIn);
        expect(errors).toEqual([]);
      });
      afterAll(() => close());

      it('follows the browser language: <html lang>, the navigation, every screen', async () => {
        await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(lang.locale);
        await expect(page.getByRole('navigation').first().textContent()).resolves.toContain(lang.nav);
        const screens: [string, string][] = [
          ['02-connectors', '/connectors'],
          ['03-connector-overview', connectorPath],
          ['04-health', `${connectorPath}/health`],
          ['05-templates', `${connectorPath}/templates`],
          ['06-test-sends', `${connectorPath}/test-sends`],
          ['07-logto-json', `${connectorPath}/logto-json`],
          ['08-audit', `${connectorPath}/audit`],
          ['09-new-connector', '/connectors/new'],
          ['10-account', '/account'],
          ['11-not-found', '/no-such-page'],
        ];
        for (const [name, path] of screens) {
          await page.goto(`${appUrl}${path}`);
          await settled(page);
          await shoot(page, lang.locale, name);
        }
        // The health check's verdict is on screen, in this language (not an English fallback).
        await page.goto(`${appUrl}${connectorPath}/health`);
        await page.getByTestId('check-status').waitFor({ timeout: 20_000 });
        await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(lang.locale);
        expect(routerWarnings).toEqual([]);
      });

      it('shows a form error as a sentence, with the focus on the field, before sending', async () => {
        await page.goto(`${appUrl}${connectorPath}/test-sends`);
        await page.getByLabel(lang.phone, { exact: true }).fill(phone);
        await page.getByLabel(lang.logtoMode).check();
        await page.getByLabel(lang.uiLocales, { exact: true }).fill('x');
        const before = await messageCount(emulatorUrl, phone);
        await page.getByRole('button', { name: lang.send, exact: true }).click();
        await page.getByText(lang.uiLocalesSentence).waitFor();
        await expect(
          page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value),
        ).resolves.toBe('x');
        await expect(page.getByText(/must match pattern|must NOT have/).count()).resolves.toBe(0);
        await shoot(page, lang.locale, '12-form-error');
        expect(await messageCount(emulatorUrl, phone)).toBe(before);
      });

      it("explains Logto's ui_locales trap in this language", async () => {
        await page.goto(`${appUrl}${connectorPath}/test-sends`);
        await page.getByLabel(lang.phone, { exact: true }).fill(phone);
        await page.getByLabel(lang.logtoMode).check();
        await page.getByLabel(lang.uiLocales, { exact: true }).fill('zh-CN');
        await page.getByRole('button', { name: lang.send, exact: true }).click();
        const result = page.getByTestId('test-send-result');
        await result.waitFor({ timeout: 20_000 });
        await result.getByText(lang.uiLocalesDiagnosis).first().waitFor({ timeout: 10_000 });
        await shoot(page, lang.locale, '13-ui-locales-trap');
      });

      it('verifies a pending send after a reload, and another from its history row', async () => {
        await page.goto(`${appUrl}${connectorPath}/test-sends`);
        await page.getByLabel(lang.phone, { exact: true }).fill(phone);
        let before = await messageCount(emulatorUrl, phone);
        await page.getByRole('button', { name: lang.send, exact: true }).click();
        await page.getByTestId('test-send-result').waitFor({ timeout: 20_000 });
        const code = await lastCode(emulatorUrl, phone, before);
        await page.waitForURL((url) => url.searchParams.has('send'));

        await page.reload();
        const result = page.getByTestId('test-send-result');
        await result.getByLabel(lang.codeLabel).fill(code);
        await result.getByRole('button', { name: lang.verify, exact: true }).click();
        await result.getByTestId('verified').waitFor({ timeout: 10_000 });
        await expect(result.getByTestId('verified').textContent()).resolves.toBe(lang.verified);

        // A second send, then the page opened afresh: its history row opens it for the code.
        await page.getByLabel(lang.phone, { exact: true }).fill(phone);
        before = await messageCount(emulatorUrl, phone);
        await page.getByRole('button', { name: lang.send, exact: true }).click();
        await page.waitForURL((url) => url.searchParams.get('send') !== null);
        const second = await lastCode(emulatorUrl, phone, before);
        await page.goto(`${appUrl}${connectorPath}/test-sends`);
        await settled(page);
        await expect(page.getByTestId('test-send-result').count()).resolves.toBe(0);
        await page.getByRole('button', { name: lang.historyVerify, exact: true }).first().click();
        const reopened = page.getByTestId('test-send-result');
        await reopened.getByLabel(lang.codeLabel).fill(second);
        await reopened.getByRole('button', { name: lang.verify, exact: true }).click();
        await reopened.getByTestId('verified').waitFor({ timeout: 10_000 });
        await shoot(page, lang.locale, '14-verified');

        // The history and the audit name the sender as the header does, with the sub on hover.
        const header = (await page.getByTestId('signed-in-user').textContent()) ?? '';
        const sub = (await page.getByTestId('signed-in-user').getAttribute('title')) ?? '';
        const sender = page.getByRole('table').locator('.actor').first();
        await expect(sender.textContent()).resolves.toBe(header);
        await expect(sender.getAttribute('title')).resolves.toBe(sub);
        await page.goto(`${appUrl}${connectorPath}/audit`);
        await settled(page);
        const actor = page.locator('tr[data-action="test_send.verified"] .actor').first();
        await expect(actor.textContent()).resolves.toBe(header);
      });

      it('fits 360 px: no horizontal scroll on the list, health and test-send screens', async () => {
        await page.setViewportSize({ width: 360, height: 740 });
        try {
          for (const [name, path] of [
            ['connectors', '/connectors'],
            ['health', `${connectorPath}/health`],
            ['test-sends', `${connectorPath}/test-sends`],
            ['templates', `${connectorPath}/templates`],
            ['audit', `${connectorPath}/audit`],
          ] as const) {
            await page.goto(`${appUrl}${path}`);
            await settled(page);
            if (name === 'health') await page.getByTestId('check-status').waitFor({ timeout: 20_000 });
            if (name === 'test-sends') {
              await page
                .getByRole('button', { name: lang.historyVerify })
                .or(page.locator('table'))
                .first()
                .waitFor();
            }
            await shoot(page, lang.locale, `360-${name}`);
            const overflow = await horizontalOverflow(page);
            expect({ name, ...overflow }).toMatchObject({ name, scrollWidth: overflow.width, widest: '' });
          }
        } finally {
          await page.setViewportSize({ width: 1280, height: 900 });
        }
      });

      it('follows a dark system theme, and the switch overrides it', async () => {
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.goto(`${appUrl}${connectorPath}/health`);
        await page.getByTestId('check-status').waitFor({ timeout: 20_000 });
        const background = () =>
          page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        const dark = await background();
        await shoot(page, lang.locale, '15-health-dark');
        const themeSelect = page.locator('.theme-switch select');
        await themeSelect.selectOption('light');
        const light = await background();
        expect(light).not.toBe(dark);
        await page.reload();
        await page.locator('main').waitFor();
        await expect(background()).resolves.toBe(light);
        await themeSelect.selectOption('system');
        await expect(background()).resolves.toBe(dark);
        await page.emulateMedia({ colorScheme: 'light' });
      });
    });
  }
});
