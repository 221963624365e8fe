import type { Template, TemplateInput } from '@smsdesk/shared/schemas/templates';
import type { SmsType } from '@smsdesk/shared/template-rules';
import { maxMessageLength, renderMessage, templateVariables } from '@smsdesk/shared/template-rules';
import type { UsageType } from '@smsdesk/shared/usage-types';
import { translate } from '../../../lib/translate.ts';

export interface TemplateFormValues {
  name: string;
  content: string;
  smsType: SmsType;
  remark: string;
}

/** Verification code first: it is what Logto needs. Labels are `templates:smsType.<n>`. */
export const smsTypes: readonly SmsType[] = [3, 2, 1];

export const emptyTemplateValues = (): TemplateFormValues => ({
  name: '',
  content: '',
  smsType: 3,
  remark: '',
});

/** The values a template for one Logto usage type starts from, in the reader's language: one {1}. */
export const templateValuesFor = (usageType: UsageType): TemplateFormValues => ({
  name: translate('templates:defaults.name', { usageType }),
  content: translate('templates:defaults.content'),
  smsType: 3,
  remark: translate('templates:defaults.remark', { usageType }),
});

export const templateValuesOf = (template: Template): TemplateFormValues => ({
  name: template.name,
  content: template.content,
  smsType: template.smsType ?? 3,
  remark: '',
});

export function templateInputOf(values: TemplateFormValues): TemplateInput {
  const remark = values.remark.trim();
  return {
    name: values.name.trim(),
    content: values.content,
    smsType: values.smsType,
    ...(remark ? { remark } : {}),
  };
}

/** Sample values for the preview: a 6-digit code as Logto sends for {1}, placeholders after it. */
export function sampleParams(content: string): string[] {
  const highest = Math.max(0, ...templateVariables(content));
  return Array.from({ length: highest }, (_, i) => (i === 0 ? '123456' : `value${i + 1}`));
}

/** Tencent only lets a template change while under review or rejected. */
export const isEditable = (template: Pick<Template, 'status'>) =>
  template.status === 'reviewing' || template.status === 'rejected';

/** What Logto can use for a usage type: approved and in effect, with exactly one variable, {1}. */
export const isUsableByLogto = (template: Pick<Template, 'status' | 'content'>) =>
  template.status === 'approved' && templateVariables(template.content).join(',') === '1';

/** What "Map existing…" proposes: a usable template another usage type maps already, else the first other one. */
export function suggestedTemplate<T extends Pick<Template, 'templateId' | 'usageTypes'>>(
  usable: readonly T[],
  currentCode: string | null,
): T | undefined {
  const others = usable.filter((t) => t.templateId !== currentCode);
  return others.find((t) => t.usageTypes.length > 0) ?? others[0];
}

const templateRules = new Set<string>([
  'empty',
  'brackets',
  'length',
  'variable_format',
  'variables_not_consecutive',
  'variables_adjacent',
  'single_variable',
  'code_word',
]);

/**
 * One broken template rule as a sentence in the reader's language. The shared rule check speaks English
 * (the API's message); the figures it names are recomputed here from the same content.
 */
export function templateRuleText(rule: string, content: string, signName: string, fallback: string): string {
  if (!templateRules.has(rule)) return fallback;
  const variables = templateVariables(content);
  return translate(`templates:rules.${rule}`, {
    found: rule === 'single_variable' ? variables.length : variables.map((n) => `{${n}}`).join(', '),
    length: renderMessage(
      signName,
      content,
      variables.map(() => '123456'),
    ).length,
    max: maxMessageLength,
    defaultValue: fallback,
  });
}
