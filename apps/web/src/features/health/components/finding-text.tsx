import type { Finding } from '@smsdesk/shared/schemas/check';
import { translate } from '../../../lib/translate.ts';

/** A finding's sentence and fix in the reader's language, the API's English as the fallback. */
export function findingText(f: Finding): { message: string; fix: string } {
  const values = { usageType: f.usageType ?? '', templateCode: f.templateCode ?? '' };
  return {
    message: translate(`health:findings.codes.${f.code}.message`, { ...values, defaultValue: f.message }),
    fix: translate(`health:findings.codes.${f.code}.fix`, { ...values, defaultValue: f.fix }),
  };
}
