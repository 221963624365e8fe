import type { Template, TemplateInput } from '@smsdesk/shared/schemas/templates';
import type { SmsType } from '@smsdesk/shared/template-rules';
import { templateVariables } from '@smsdesk/shared/template-rules';
import type { UsageType } from '@smsdesk/shared/usage-types';

export interface TemplateFormValues {
  name: string;
  content: string;
  smsType: SmsType;
  remark: string;
}

export const smsTypeOptions: { value: SmsType; label: string }[] = [
  { value: 3, label: 'Verification code' },
  { value: 2, label: 'Notification' },
  { value: 1, label: 'Marketing' },
];

export const defaultCodeContent = 'Your verification code is {1}. It expires in 10 minutes.';

export const emptyTemplateValues = (): TemplateFormValues => ({
  name: '',
  content: '',
  smsType: 3,
  remark: '',
});

/** The values a template for one Logto usage type starts from: "SignIn code", one {1}. */
export const templateValuesFor = (usageType: UsageType): TemplateFormValues => ({
  name: `${usageType} code`,
  content: defaultCodeContent,
  smsType: 3,
  remark: `Logto ${usageType} verification code`,
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
