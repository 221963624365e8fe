/** Half of a UTF-16 surrogate pair without its other half. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string can be stored as sent on both SQLite and PostgreSQL: PostgreSQL refuses NUL in text and
 * neither keeps a lone surrogate as it came.
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !loneSurrogate.test(value);
}
