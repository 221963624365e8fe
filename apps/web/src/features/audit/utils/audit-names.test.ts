import { auditActions } from '@smsdesk/shared/schemas/audit';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../test/catalogs.ts';
import { mappingDiffOf } from './mapping-diff.ts';

describe('audit names', () => {
  it('every action the API records has a human name in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const names = resources[language].audit.actions as Record<string, string>;
      expect(
        auditActions.filter((a) => !names[a]),
        language,
      ).toEqual([]);
    }
  });

  it('reads the template mapping change of a connector update, and nothing else', () => {
    expect(mappingDiffOf('SignIn: 100001 → 100004; BindMfa: — → 100005')).toEqual([
      { usageType: 'SignIn', before: '100001', after: '100004' },
      { usageType: 'BindMfa', before: null, after: '100005' },
    ]);
    expect(mappingDiffOf('template 100001 "SignIn code"')).toBeNull();
    expect(mappingDiffOf(undefined)).toBeNull();
  });
});
