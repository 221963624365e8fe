import type { Finding, UsageTypeHealth } from '@smsdesk/shared/schemas/check';
import { describe, expect, it } from 'vitest';
import { connectorBlockers, rowBlockers, rowFix } from './blockers.ts';

const credentials: Finding = {
  severity: 'error',
  code: 'CREDENTIALS_REJECTED',
  message: 'Tencent refused the credentials',
  fix: 'Check the SecretId and SecretKey.',
};
const row = (change: Partial<UsageTypeHealth> = {}): UsageTypeHealth => ({
  usageType: 'SignIn',
  requiredByLogto: true,
  templateCode: '100001',
  mapped: 'ok',
  exists: 'unknown',
  approved: 'unknown',
  singleVariable: 'unknown',
  state: 'error',
  ...change,
});

describe('connector-wide blockers', () => {
  it('are the errors that name no usage type', () => {
    const perRow: Finding = { ...credentials, code: 'TEMPLATE_NOT_FOUND', usageType: 'SignIn' };
    const warning: Finding = { ...credentials, severity: 'warning', code: 'SIGN_NOT_REQUIRED' };
    expect(
      connectorBlockers({
        ok: false,
        checkedAt: '',
        findings: [credentials, perRow, warning],
        usageTypes: [],
      }),
    ).toEqual([credentials]);
  });

  it('block every row that is not ready, which then offers the blocker, never "Create template"', () => {
    const blocked = rowBlockers(row(), [credentials]);
    expect(blocked).toEqual([credentials]);
    expect(rowFix(row(), blocked)).toBe('blocked');
    expect(
      rowBlockers(row({ state: 'ok', exists: 'ok', approved: 'ok', singleVariable: 'ok' }), [credentials]),
    ).toEqual([]);
  });

  it('offers a template where the template is the problem', () => {
    expect(rowFix(row({ mapped: 'error', templateCode: null }), [])).toBe('template');
    expect(
      rowFix(row({ exists: 'ok', approved: 'warning', singleVariable: 'ok', state: 'warning' }), []),
    ).toBe('review');
  });
});
