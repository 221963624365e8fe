import type { CheckResult } from '@smsdesk/shared/schemas/check';

/** What the connectors list shows of a connector's last check: kept in this browser, per connector. */
export interface CheckVerdict {
  ok: boolean;
  errors: number;
  warnings: number;
  checkedAt: string;
}

const key = (connectorId: string) => `smsdesk:check:${connectorId}`;

export function verdictOf(result: CheckResult): CheckVerdict {
  return {
    ok: result.ok,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    checkedAt: result.checkedAt,
  };
}

export function saveVerdict(connectorId: string, result: CheckResult) {
  try {
    localStorage.setItem(key(connectorId), JSON.stringify(verdictOf(result)));
  } catch {
    // Storage full or disabled: the list then offers to run the check instead.
  }
}

export function loadVerdict(connectorId: string): CheckVerdict | null {
  try {
    const value = JSON.parse(localStorage.getItem(key(connectorId)) ?? 'null') as CheckVerdict | null;
    return value && typeof value.ok === 'boolean' && typeof value.checkedAt === 'string' ? value : null;
  } catch {
    return null;
  }
}
