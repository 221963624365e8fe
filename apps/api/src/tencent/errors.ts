/**
 * Tencent error codes as smsdesk errors and guidance, from the table in `error-guides.ts`. Top-level codes
 * (the SDK throws them) become AppErrors; per-number codes (SendStatusSet[].Code) are shown as guidance on
 * a failed test send.
 */
import { type AppError, createError } from '../errors.ts';
import {
  type TencentErrorGuide,
  tencentErrorGuide,
  tencentErrorPrefixRules,
  unknownCode,
} from './error-guides.ts';
import type { TencentErrorDetails } from './gateway.ts';

export interface GuidanceContext {
  templateId?: string;
  signName?: string;
  phoneNumber?: string;
}

export function guideFor(tencentCode: string): TencentErrorGuide {
  const exact = tencentErrorGuide[tencentCode];
  if (exact) return exact;
  const rule = [...tencentErrorPrefixRules]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find((r) => tencentCode.startsWith(r.prefix));
  return rule ?? unknownCode;
}

/** Advice for a person about a Tencent code, naming the template, sign or number when known. */
export function guidanceFor(
  tencentCode: string,
  context: GuidanceContext = {},
): { message: string; fix: string } {
  const guide = guideFor(tencentCode);
  return { message: fill(guide.message, context), fix: fill(guide.fix, context) };
}

/** The AppError for a top-level Tencent error reply. */
export function tencentCodeError(
  tencentCode: string,
  tencentMessage: string,
  requestId: string | undefined,
  context: GuidanceContext = {},
): AppError {
  const guide = guideFor(tencentCode);
  const { message, fix } = guidanceFor(tencentCode, context);
  const details: TencentErrorDetails = { tencentCode, fix, ...(requestId ? { requestId } : {}) };
  const said = tencentMessage.trim() ? `: ${tencentMessage.trim()}` : '';
  return createError(guide.smsdeskCode, `${message} (Tencent ${tencentCode}${said})`, details);
}

function fill(text: string, context: GuidanceContext): string {
  const filled = text
    .replaceAll('{template}', context.templateId ? `template ${context.templateId}` : 'the template')
    .replaceAll('{sign}', context.signName ? `sign "${context.signName}"` : 'the sign')
    .replaceAll('{phone}', context.phoneNumber ?? 'the number');
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}
