import type { CheckResult } from '@smsdesk/shared/schemas/check';
import type { TemplateMapping } from '@smsdesk/shared/schemas/connectors';
import { type UsageType, usageTypes } from '@smsdesk/shared/usage-types';
import { translate } from '../../../lib/translate.ts';

/** What the usage-type select says of each type: the last check's verdict if one ran, else the mapping. */
export function usageTypeNotes(
  check: CheckResult | undefined,
  templates: readonly TemplateMapping[],
): Record<UsageType, string> {
  return Object.fromEntries(
    usageTypes.map((u) => {
      const row = check?.usageTypes.find((r) => r.usageType === u);
      if (row) return [u, translate(`testSends:notes.${row.state}`)];
      const code = templates.find((t) => t.usageType === u)?.templateCode;
      return [
        u,
        code
          ? translate('testSends:notes.template', { templateCode: code })
          : translate('testSends:notes.notMapped'),
      ];
    }),
  ) as Record<UsageType, string>;
}
