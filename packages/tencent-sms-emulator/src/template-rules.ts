// Rules the emulated review applies to new and modified templates, and helpers SendSms shares with it.

export interface TemplateDraft {
  templateContent: string;
  smsType: number;
  international: 0 | 1;
}

export type ReviewOutcome = { approved: true } | { approved: false; reviewReply: string };

/** Distinct variable numbers `{1}`, `{2}`… in order of first appearance. */
export function templateVariables(content: string): number[] {
  const seen: number[] = [];
  for (const m of content.matchAll(/\{(\d+)\}/g)) {
    const n = Number(m[1]);
    if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}

export function variableCount(content: string): number {
  return templateVariables(content).length;
}

export function reviewTemplate(draft: TemplateDraft): ReviewOutcome {
  const vars = templateVariables(draft.templateContent);
  if (vars.length === 0) {
    return { approved: false, reviewReply: 'The template has no variable; add at least one such as {1}.' };
  }
  if (/[【】]/.test(draft.templateContent)) {
    return {
      approved: false,
      reviewReply: 'The template content must not contain 【 or 】: the signature is added automatically.',
    };
  }
  const sorted = [...vars].sort((a, b) => a - b);
  if (sorted.some((n, i) => n !== i + 1)) {
    return { approved: false, reviewReply: 'Template variables must be numbered consecutively from {1}.' };
  }
  if (/\}\{/.test(draft.templateContent)) {
    return { approved: false, reviewReply: 'Template variables must not be adjacent.' };
  }
  if (draft.international === 1 && draft.smsType === 3 && !/code/i.test(draft.templateContent)) {
    return {
      approved: false,
      reviewReply: 'An international verification code template must contain the word "code".',
    };
  }
  return { approved: true };
}

/** The text a handset receives: mainland messages carry the signature in 【】 in front. */
export function renderMessage(
  content: string,
  params: readonly string[],
  signName: string | undefined,
): string {
  const body = content.replace(/\{(\d+)\}/g, (whole, n: string) => params[Number(n) - 1] ?? whole);
  return signName ? `【${signName}】${body}` : body;
}

/** Verification-code parameters are 0–6 digits. */
export const isVerificationParam = (value: string): boolean => /^\d{0,6}$/.test(value);
