import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { describe, expect, it } from 'vitest';
import { uiLocalesTrapOf } from './ui-locales-trap.ts';

const failed = (change: Partial<TestSend>): TestSend =>
  ({
    status: 'failed',
    mode: 'logto',
    tencent: { code: 'FailedOperation.TemplateIncorrectOrUnapproved', message: 'x' },
    guidance:
      'The ui_locales trap: the sign-in request carried ui_locales, so Logto\'s Tencent connector sent "zh-CN" as a second template value ([code, "zh-CN"]).',
    ...change,
  }) as TestSend;

describe('the ui_locales trap of a test send', () => {
  it('is recognised from a Logto-exact template refusal, with the language sent', () => {
    expect(uiLocalesTrapOf(failed({}))).toEqual({ locale: 'zh-CN' });
  });

  it('is not claimed for a smsdesk-mode send, another refusal or a sent message', () => {
    expect(uiLocalesTrapOf(failed({ mode: 'smsdesk' }))).toBeNull();
    expect(uiLocalesTrapOf(failed({ guidance: 'Template not approved.' }))).toBeNull();
    expect(
      uiLocalesTrapOf(
        failed({ tencent: { code: 'LimitExceeded.PhoneNumberDailyLimit' } as TestSend['tencent'] }),
      ),
    ).toBeNull();
    expect(uiLocalesTrapOf(failed({ status: 'sent' }))).toBeNull();
  });
});

describe('mode names', () => {
  it('every mode the API can record has one name, in both languages', async () => {
    const { TestSendModeSchema } = await import('@smsdesk/shared/schemas/test-sends');
    const { resources } = await import('../../../test/catalogs.ts');
    const modes = (TestSendModeSchema.anyOf as { const: string }[]).map((m) => m.const);
    expect(modes.length).toBeGreaterThan(1);
    for (const language of ['en', 'zh-CN'] as const) {
      const names = resources[language].testSends.mode as Record<string, string>;
      expect(
        modes.filter((m) => !names[m]),
        language,
      ).toEqual([]);
    }
  });
});
