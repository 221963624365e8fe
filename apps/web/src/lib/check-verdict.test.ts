import type { CheckResult } from '@smsdesk/shared/schemas/check';
import { describe, expect, it } from 'vitest';
import { loadVerdict, saveVerdict } from './check-verdict.ts';

const result = (ok: boolean): CheckResult => ({
  ok,
  checkedAt: '2026-12-03T08:00:00.000Z',
  findings: ok
    ? []
    : [
        { severity: 'error', code: 'CREDENTIALS_REJECTED', message: 'm', fix: 'f' },
        { severity: 'warning', code: 'USAGE_TYPE_UNMAPPED', usageType: 'BindMfa', message: 'm', fix: 'f' },
      ],
  usageTypes: [],
});

describe("the list's last check verdict", () => {
  it('keeps the last check per connector in this browser: failing is never shown as fine', () => {
    expect(loadVerdict('c1')).toBeNull();
    saveVerdict('c1', result(false));
    expect(loadVerdict('c1')).toEqual({
      ok: false,
      errors: 1,
      warnings: 1,
      checkedAt: '2026-12-03T08:00:00.000Z',
    });
    saveVerdict('c1', result(true));
    expect(loadVerdict('c1')).toMatchObject({ ok: true, errors: 0 });
    expect(loadVerdict('c2')).toBeNull();
  });

  it('ignores a stored value it cannot read', () => {
    localStorage.setItem('smsdesk:check:c3', '{not json');
    expect(loadVerdict('c3')).toBeNull();
  });
});
