import i18n from 'i18next';

/**
 * A lookup for keys built at run time (an error code, a rule, a usage type): the typed `t` only takes
 * literal keys. The first key that exists wins; `defaultValue` is the fallback when none does.
 */
export function translate(keys: string | string[], options?: Record<string, unknown>): string {
  return (i18n.t as unknown as (keys: string | string[], options?: Record<string, unknown>) => string)(
    keys,
    options,
  );
}

export function hasTranslation(key: string): boolean {
  return i18n.exists(key);
}
