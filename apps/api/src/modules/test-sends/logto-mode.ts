/** How a send differs when it imitates Logto's Tencent connector (`mode: logto`) instead of smsdesk. */
import type { CreateTestSend, TestSendMode } from '@smsdesk/shared/schemas/test-sends';
import { createError } from '../../errors.ts';
import type { ParsedPhone } from './phone.ts';

/** uiLocales only means something where Logto's connector reads it. */
export function assertModeFields(mode: TestSendMode, input: CreateTestSend): void {
  if (mode === 'smsdesk' && input.uiLocales !== undefined) {
    throw createError('VALIDATION_FAILED', 'uiLocales is only sent in logto mode', {
      fields: [
        {
          field: 'body.uiLocales',
          rule: 'mode',
          message: 'only applies with mode "logto" (smsdesk mode always sends [code])',
        },
      ],
    });
  }
}

/** The template values and the number, as the chosen mode sends them. */
export function sendPayload(mode: TestSendMode, code: string, phone: ParsedPhone, uiLocales?: string) {
  return {
    // Logto passes every payload value but the locale, and the number as it stores it: no `+`.
    params: mode === 'logto' && uiLocales ? [code, uiLocales] : [code],
    phoneNumbers: [mode === 'logto' ? phone.e164.slice(1) : phone.e164],
  };
}

export function templateNotFound(mode: TestSendMode, usageType: string, connectorName: string) {
  const message =
    mode === 'logto'
      ? `Logto's Tencent connector has no template for usage type ${usageType} and does not fall back to Generic: Logto fails this send with template_not_found`
      : `Connector "${connectorName}" maps no template to usage type ${usageType}; smsdesk does not fall back to Generic, because Logto's Tencent connector does not either`;
  return createError('TEMPLATE_NOT_FOUND', message, {
    usageType,
    mode,
    fix: `Map a template to ${usageType} on the connector (and in Logto's connector JSON).`,
  });
}

/** What Logto would do differently from smsdesk, where that explains a refusal. */
export function logtoTrap(
  code: string,
  input: CreateTestSend,
  mainland: boolean,
  templateId: string,
): string | null {
  if (input.mode !== 'logto') return null;
  const templateRefusal =
    code === 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate' ||
    code === 'FailedOperation.TemplateIncorrectOrUnapproved' ||
    code === 'InvalidParameterValue.TemplateParameterFormatError';
  if (input.uiLocales && templateRefusal) {
    return (
      `The ui_locales trap: the sign-in request carried ui_locales, so Logto's Tencent connector sent "${input.uiLocales}" as a second template value ([code, "${input.uiLocales}"]). ` +
      `Template ${templateId} expects only the code ({1}), and a verification-code template cannot take a locale as a value at all (values must be 0–6 digits). ` +
      'Keep ui_locales out of sign-in requests that send SMS codes, or map a template that takes a second value.'
    );
  }
  if (!mainland && code === 'InvalidParameterValue.IncorrectPhoneNumber') {
    return "Logto's Tencent connector sends the number as Logto stores it, without the +; Tencent reads numbers without + as mainland China, so international numbers fail when Logto sends them.";
  }
  return null;
}

/**
 * Logto sends every number without its `+`, and Tencent reads a number without a prefix as mainland
 * China: an international number that still looks like a mainland one (`14155550100`) is delivered, and
 * charged, to a mainland phone. Said on the send even when Tencent accepted it.
 */
export function logtoNumberNote(
  mode: TestSendMode,
  phone: ParsedPhone,
  international: boolean,
): string | null {
  if (mode !== 'logto' || phone.mainland) return null;
  const sent = phone.e164.slice(1);
  return (
    `Logto's Tencent connector sent ${sent} without the +, and Tencent reads a number without a prefix as mainland China: ` +
    `it does not reach ${phone.e164}${international ? '' : ' (if Tencent accepts it, a mainland phone receives it and the send is charged)'}. ` +
    "Logto's Tencent connector cannot deliver to international numbers; use smsdesk mode to test them."
  );
}
