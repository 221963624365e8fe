/**
 * Tencent's template rules, checked locally — by the API before it calls Tencent, and by the SPA as the
 * user types — so a template that Tencent would reject, or that Logto cannot use, is caught first.
 */
export type SmsType = 1 | 2 | 3;

export interface TemplateRuleViolation {
  rule:
    | 'empty'
    | 'brackets'
    | 'length'
    | 'variable_format'
    | 'variables_not_consecutive'
    | 'variables_adjacent'
    | 'single_variable'
    | 'code_word';
  message: string;
}

/** Tencent counts the signature and the values; a Logto code is 6 digits. */
export const maxMessageLength = 500;
const sampleCode = '123456';

/** The distinct `{n}` variables of a template, in order of first appearance. */
export function templateVariables(content: string): number[] {
  const seen: number[] = [];
  for (const match of content.matchAll(/\{(\d+)\}/g)) {
    const n = Number(match[1]);
    if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}

/** What the phone shows: `【sign】content` with the values in place of `{1}`, `{2}`… */
export function renderMessage(signName: string, content: string, params: string[]): string {
  const body = content.replace(/\{(\d+)\}/g, (whole, n: string) => params[Number(n) - 1] ?? whole);
  return signName ? `【${signName}】${body}` : body;
}

export interface TemplateRuleOptions {
  smsType: SmsType;
  international: boolean;
  signName?: string;
  /** A template for Logto: exactly one variable, `{1}` (Logto sends the code as the only parameter). */
  forLogto?: boolean;
}

export function checkTemplateContent(content: string, options: TemplateRuleOptions): TemplateRuleViolation[] {
  const violations: TemplateRuleViolation[] = [];
  if (content.trim() === '') return [{ rule: 'empty', message: 'The content is empty' }];
  if (/[【】]/.test(content)) {
    violations.push({
      rule: 'brackets',
      message: 'Remove 【 and 】: Tencent adds the signature in these brackets itself',
    });
  }
  const variables = templateVariables(content);
  if (/\{[^}]*\D[^}]*\}|\{\}/.test(content.replace(/\{\d+\}/g, ''))) {
    violations.push({
      rule: 'variable_format',
      message: 'Variables are written {1}, {2}, … with digits only',
    });
  }
  const sorted = [...variables].sort((a, b) => a - b);
  if (sorted.some((n, i) => n !== i + 1)) {
    violations.push({
      rule: 'variables_not_consecutive',
      message: `Variables must be numbered {1}, {2}, … in sequence (found ${variables.map((n) => `{${n}}`).join(', ')})`,
    });
  }
  if (/\}\s*\{/.test(content)) {
    violations.push({ rule: 'variables_adjacent', message: 'Two variables may not stand side by side' });
  }
  const forLogto = options.forLogto ?? options.smsType === 3;
  if (forLogto && !(variables.length === 1 && variables[0] === 1)) {
    violations.push({
      rule: 'single_variable',
      message: `Logto sends the code as the only parameter: use exactly one variable, {1} (found ${variables.length})`,
    });
  }
  if (options.international && options.smsType === 3 && !/code/i.test(content)) {
    violations.push({
      rule: 'code_word',
      message: 'International verification templates must contain the word "code"',
    });
  }
  const rendered = renderMessage(
    options.signName ?? '',
    content,
    variables.map(() => sampleCode),
  );
  if (rendered.length > maxMessageLength) {
    violations.push({
      rule: 'length',
      message: `The message would be ${rendered.length} characters with the signature and a code; Tencent allows ${maxMessageLength}`,
    });
  }
  return violations;
}
