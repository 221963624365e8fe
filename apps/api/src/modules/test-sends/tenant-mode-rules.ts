/** The rules of the test sends through a Logto tenant: which fields they take, and Logto's refusals explained. */
import type { CreateTestSend, TestSendMode } from '@smsdesk/shared/schemas/test-sends';
import { createError } from '../../errors.ts';
import { guidanceFor } from '../../tencent/errors.ts';
import type { LogtoHttpError } from '../logto-tenants/management-client.ts';
import { logtoTrap } from './logto-mode.ts';

export type TenantMode = 'logto-test' | 'logto-live';

/** Logto's console test always sends this code. */
export const consoleTestCode = '000000';

export function isTenantMode(mode: TestSendMode): mode is TenantMode {
  return mode === 'logto-test' || mode === 'logto-live';
}

function invalid(field: string, rule: string, message: string, sentence: string) {
  return createError('VALIDATION_FAILED', sentence, { fields: [{ field: `body.${field}`, rule, message }] });
}

export function assertNoTenant(mode: TestSendMode, input: CreateTestSend): void {
  if (input.tenantId !== undefined) {
    throw invalid(
      'tenantId',
      'mode',
      'only applies with mode "logto-test" or "logto-live"',
      `tenantId is only used when sending through a Logto tenant, not in ${mode} mode`,
    );
  }
}

export function assertTenantFields(mode: TenantMode, input: CreateTestSend): string {
  if (!input.tenantId) {
    throw invalid(
      'tenantId',
      'required',
      `is required with mode "${mode}"`,
      `Pick the Logto tenant to send through (${mode} mode)`,
    );
  }
  if (input.uiLocales !== undefined) {
    throw invalid(
      'uiLocales',
      'mode',
      `does not apply with mode "${mode}"`,
      "Logto's console test and its Management API verification codes carry no ui_locales: use logto mode to rehearse the ui_locales trap",
    );
  }
  if (input.usageType !== 'Generic') {
    throw invalid(
      'usageType',
      'mode',
      `must be Generic with mode "${mode}"`,
      `Logto sends the Generic template in ${mode} mode (its console test and its Management API codes are Generic): choose Generic`,
    );
  }
  return input.tenantId;
}

/** Logto's answer 400 for a send, in smsdesk's words: the Tencent code inside it and what to do. */
export function explainRefusal(
  error: LogtoHttpError,
  context: {
    templateId: string | null;
    signName: string;
    masked: string;
    mainland: boolean;
    input: CreateTestSend;
  },
): { tencentCode: string; guidance: string } {
  const { code, message, details } = error.body;
  const said = `Logto answered ${error.status} ${code}: ${message}${details ? ` ${details}` : ''}`;
  if (code === 'connector.template_not_found') {
    return {
      tencentCode: code,
      guidance: `${said}. Logto's Tencent connector has no Generic template and does not fall back to another: map a template to Generic (and push).`,
    };
  }
  if (code === 'connector.invalid_config') {
    return {
      tencentCode: code,
      guidance: `${said}. Logto's config guard refused the config: fix the fields it names.`,
    };
  }
  if (code === 'connector.not_found') {
    return {
      tencentCode: code,
      guidance: `${said}. The tenant has no SMS connector: push this profile first.`,
    };
  }
  // ConnectorError(general, "Code: Message[, RequestId: …]") from the connector: Tencent's own code.
  const tencent = /connector: ([A-Za-z]+(?:\.[A-Za-z0-9]+)*):/.exec(message)?.[1];
  if (!tencent) return { tencentCode: code, guidance: `${said}.` };
  const advice = guidanceFor(tencent, {
    ...(context.templateId ? { templateId: context.templateId } : {}),
    signName: context.signName,
    phoneNumber: context.masked,
  });
  const trap = logtoTrap(
    tencent,
    { ...context.input, mode: 'logto' },
    context.mainland,
    context.templateId ?? '',
  );
  return {
    tencentCode: tencent,
    guidance: [`${advice.message}. ${advice.fix}`, trap, `(${said})`].filter(Boolean).join(' '),
  };
}
