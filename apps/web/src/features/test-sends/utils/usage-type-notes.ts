import type { CheckResult } from '@smsdesk/shared/schemas/check';
import type { TemplateMapping } from '@smsdesk/shared/schemas/connectors';
import { type UsageType, usageTypes } from '@smsdesk/shared/usage-types';

const stateNote = { ok: '✓ ready', warning: '! warning', error: '✗ will fail' } as const;

/** What the usage-type select says of each type: the last check's verdict if one ran, else the mapping. */
export function usageTypeNotes(
  check: CheckResult | undefined,
  templates: readonly TemplateMapping[],
): Record<UsageType, string> {
  return Object.fromEntries(
    usageTypes.map((u) => {
      const row = check?.usageTypes.find((r) => r.usageType === u);
      if (row) return [u, stateNote[row.state]];
      const code = templates.find((t) => t.usageType === u)?.templateCode;
      return [u, code ? `template ${code}` : 'not mapped'];
    }),
  ) as Record<UsageType, string>;
}
