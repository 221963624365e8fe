import type { UsageType } from '@smsdesk/shared/usage-types';
import { describe, expect, it } from 'vitest';
import { suggestedTemplate, templateRuleText } from './template-form.ts';

describe('template helpers', () => {
  it('"Map existing…" proposes a template another usage type maps, else the first other one', () => {
    const usable: { templateId: string; usageTypes: UsageType[] }[] = [
      { templateId: '100001', usageTypes: ['SignIn'] },
      { templateId: '100008', usageTypes: [] },
      { templateId: '100004', usageTypes: ['Generic'] },
    ];
    expect(suggestedTemplate(usable, null)?.templateId).toBe('100001');
    expect(suggestedTemplate(usable, '100001')?.templateId).toBe('100004');
    expect(suggestedTemplate([{ templateId: '100008', usageTypes: [] }], null)?.templateId).toBe('100008');
    expect(suggestedTemplate([{ templateId: '100001', usageTypes: ['SignIn'] }], '100001')).toBeUndefined();
  });

  it('says a broken rule with the figures of the content, and keeps the API words for an unknown rule', () => {
    expect(templateRuleText('single_variable', 'Code {1} for {2}', 's', 'x')).toContain('(found 2)');
    expect(templateRuleText('variables_not_consecutive', 'Code {1} {3}', 's', 'x')).toContain('{1}, {3}');
    expect(templateRuleText('sensitive', 'Code {1}', 's', 'Contains a sensitive word')).toBe(
      'Contains a sensitive word',
    );
  });
});
