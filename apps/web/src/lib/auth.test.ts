import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../app/i18n.ts';
import { signInOptions } from './auth.ts';

afterEach(() => i18n.changeLanguage('en'));

describe('signInOptions', () => {
  it('passes the console language to Logto as ui_locales', async () => {
    expect(signInOptions().extraParams).toEqual({ ui_locales: 'en' });
    await i18n.changeLanguage('zh-CN');
    expect(signInOptions()).toEqual({
      redirectUri: `${window.location.origin}/callback`,
      extraParams: { ui_locales: 'zh-CN' },
    });
  });
});
