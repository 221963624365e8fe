import type { TestSend } from '@smsdesk/shared/schemas/test-sends';

const templateRefusals = new Set([
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
  'FailedOperation.TemplateIncorrectOrUnapproved',
  'InvalidParameterValue.TemplateParameterFormatError',
]);

/**
 * A Logto-exact send that Tencent refused because Logto added `ui_locales` as a second template value: the
 * API says so in its guidance (naming the language it sent). Null for every other outcome.
 */
export function uiLocalesTrapOf(send: TestSend): { locale: string | null } | null {
  if (send.status !== 'failed' || send.mode === 'smsdesk') return null;
  if (!templateRefusals.has(send.tencent.code) || !send.guidance?.includes('ui_locales')) return null;
  const locale = /sent "([^"]+)" as a second/.exec(send.guidance)?.[1] ?? null;
  return { locale };
}
