import type { TSchema } from '@sinclair/typebox';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';

/** One field that breaks a schema rule, named as the API's `details.fields[]` name it (without `body.`). */
export interface FieldIssue {
  field: string;
  /** The Ajv keyword the API reports for the same rule (`required`, `pattern`, `maxLength`, …). */
  rule: string;
  /** The rule's bound, for a sentence such as "at most 12 characters". */
  limit?: number;
}

// TypeBox names its errors differently from Ajv; the SPA translates one vocabulary, the API's.
const ruleOf: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.ObjectRequiredProperty]: 'required',
  [ValueErrorType.StringMinLength]: 'minLength',
  [ValueErrorType.StringMaxLength]: 'maxLength',
  [ValueErrorType.StringPattern]: 'pattern',
  [ValueErrorType.StringFormat]: 'format',
  [ValueErrorType.StringFormatUnknown]: 'format',
  [ValueErrorType.Union]: 'anyOf',
  [ValueErrorType.Literal]: 'const',
  [ValueErrorType.ArrayMaxItems]: 'maxItems',
  [ValueErrorType.ArrayUniqueItems]: 'uniqueItems',
  [ValueErrorType.IntegerMinimum]: 'minimum',
  [ValueErrorType.NumberMinimum]: 'minimum',
  [ValueErrorType.IntegerMaximum]: 'maximum',
  [ValueErrorType.NumberMaximum]: 'maximum',
  [ValueErrorType.ObjectAdditionalProperties]: 'additionalProperties',
  [ValueErrorType.ObjectMinProperties]: 'minProperties',
};

const limitOf = (schema: TSchema, rule: string): number | undefined => {
  const value = (schema as Record<string, unknown>)[rule];
  return typeof value === 'number' ? value : undefined;
};

/**
 * The first broken rule of each field of `value` under `schema`: the browser checks a form with the very
 * schema the API validates the request with, before sending it.
 */
export function fieldIssues(schema: TSchema, value: unknown): FieldIssue[] {
  const issues = new Map<string, FieldIssue>();
  for (const error of Value.Errors(schema, value)) {
    const field = error.path.replace(/^\//, '').replaceAll('/', '.');
    if (issues.has(field)) continue;
    const rule = ruleOf[error.type] ?? 'type';
    const limit = limitOf(error.schema, rule);
    issues.set(field, { field, rule, ...(limit === undefined ? {} : { limit }) });
  }
  return [...issues.values()];
}
