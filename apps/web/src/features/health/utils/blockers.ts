import type { CheckResult, Finding, UsageTypeHealth } from '@smsdesk/shared/schemas/check';

/**
 * Connector-wide blockers: an error finding that names no usage type (credentials, sign, SDK app, region,
 * Tencent unreachable). While one stands, no usage type can send, whatever its template.
 */
export function connectorBlockers(result: CheckResult): Finding[] {
  return result.findings.filter((f) => f.severity === 'error' && !f.usageType);
}

/**
 * The blockers a row is blocked by: those the API names on the row (`blockedBy`, finding codes), else, for
 * a row that is not ready, every connector-wide blocker.
 */
export function rowBlockers(row: UsageTypeHealth, blockers: readonly Finding[]): Finding[] {
  const named = (row as UsageTypeHealth & { blockedBy?: unknown }).blockedBy;
  if (Array.isArray(named)) return blockers.filter((b) => named.includes(b.code));
  if (typeof named === 'string') return blockers.filter((b) => b.code === named);
  return row.state === 'ok' ? [] : [...blockers];
}

export type RowFix = 'template' | 'review' | 'blocked' | null;

/**
 * What a row's fix is: a template to create or map (the template is the problem), a review to wait for,
 * a connector-wide blocker to fix first (never "Create template" then), or nothing.
 */
export function rowFix(row: UsageTypeHealth, blockedBy: readonly Finding[]): RowFix {
  if (row.state === 'ok' && row.mapped === 'ok') return null;
  const templateProblem =
    row.mapped !== 'ok' ||
    row.exists === 'error' ||
    row.singleVariable === 'error' ||
    row.approved === 'error';
  if (blockedBy.length && !templateProblem) return 'blocked';
  if (templateProblem) return 'template';
  if (row.approved === 'warning') return 'review';
  return blockedBy.length ? 'blocked' : null;
}
