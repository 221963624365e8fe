import type { FieldIssue } from '@smsdesk/shared/field-issues';
import type { ApiError } from './api-client.ts';
import { translate } from './translate.ts';

// Ajv's sentence carries the bound the rule names ("must NOT have more than 12 characters").
const boundOf = (message: string) => {
  const match = /(\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
};

/**
 * The sentence for one broken rule of one field, in the reader's language: the feature's own sentence for
 * that field and rule (`<ns>:fields.<field>.<rule>`, "Only letters and digits"), else the common sentence
 * for the rule, else the API's words. Array rows (`templates.3.templateCode`) use the leaf's name.
 */
export function fieldMessage(ns: string, issue: FieldIssue & { message?: string }): string {
  const leaf =
    issue.field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? issue.field;
  const limit = issue.limit ?? (issue.message ? boundOf(issue.message) : undefined);
  const keys = [`${ns}:fields.${leaf}.${issue.rule}`, `common:rules.${issue.rule}`];
  const fallback = issue.message ?? translate('common:rules.invalid');
  const text = translate(keys, { count: limit, limit, defaultValue: fallback });
  return text;
}

/** The local schema check's issues, as messages keyed by field. */
export function localFieldErrors(ns: string, issues: readonly FieldIssue[]): Record<string, string> {
  return Object.fromEntries(issues.map((issue) => [issue.field, fieldMessage(ns, issue)]));
}

/** A refusal's field errors, translated, keyed by field (without `body.`). */
export function serverFieldErrors(ns: string, error: ApiError): Record<string, string> {
  return Object.fromEntries(error.fieldIssues().map((issue) => [issue.field, fieldMessage(ns, issue)]));
}
