import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../app/i18n.ts';
import { ApiError, apiErrorOf } from '../lib/api-client.ts';
import { retryText } from '../lib/error-text.ts';
import { ErrorNotice } from './error-notice.tsx';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

describe('ErrorNotice', () => {
  it('renders nothing without an error', () => {
    const { container } = render(<ErrorNotice error={null} />);
    expect(container.innerHTML).toBe('');
  });

  it('leads with a sentence, names the missing scope of a 403, and keeps the code small and copyable', () => {
    render(
      <ErrorNotice
        error={
          new ApiError(403, 'FORBIDDEN', 'Missing scope', {
            requiredScopes: ['write:connectors'],
            grantedScopes: ['read:connectors'],
          })
        }
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('.notice-sentence')?.textContent).toBe('Your role does not allow this.');
    expect(alert.textContent).toContain('lacks the scope write:connectors');
    expect(within(alert).getByText('FORBIDDEN').tagName).toBe('CODE');
    expect(within(alert).getByRole('button', { name: 'Copy' })).toBeTruthy();
  });

  it('speaks the reader language and keeps the API specifics below', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<ErrorNotice error={new ApiError(409, 'CONFLICT', 'A connector named "Prod" already exists')} />);
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('.notice-sentence')?.textContent).toBe('与已有内容冲突。');
    expect(alert.textContent).toContain('A connector named "Prod" already exists');
  });

  it("falls back to the API's message for a code it does not know", () => {
    const newer = apiErrorOf(418, { error: { code: 'SOMETHING_NEW', message: 'A brand new refusal' } });
    render(<ErrorNotice error={newer} />);
    expect(screen.getByRole('alert').querySelector('.notice-sentence')?.textContent).toBe(
      'A brand new refusal',
    );
    // Still the API's code for support, though this build has no sentence for it.
    expect(screen.getByRole('alert').querySelector('code')?.textContent).toBe('SOMETHING_NEW');
  });

  it('says when a 429 may be retried in minutes and clock time, once', () => {
    const headers = new Headers({ 'retry-after': '3520' });
    render(<ErrorNotice error={new ApiError(429, 'RATE_LIMITED', 'Retry in 3520 s', undefined, headers)} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/Try again in 59 minutes, at \d\d:\d\d/);
    expect(alert.textContent).not.toContain('3520');
  });
});

describe('retryText', () => {
  it('rounds up to whole minutes and names the clock time in the language', async () => {
    const now = Date.parse('2025-06-01T10:00:00Z');
    expect(retryText(30, 'en', now)).toMatch(/^Try again in 1 minute, at /);
    await i18n.changeLanguage('zh-CN');
    expect(retryText(600, 'zh-CN', now)).toMatch(/^请在 10 分钟后（.+）重试。$/);
  });
});
