/** A NUL character, or half of a UTF-16 surrogate pair without its other half: text no database keeps. */
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be stored as sent on both SQLite and PostgreSQL. */
export function isStorableText(value: string): boolean {
  return !unstorable.test(value);
}
