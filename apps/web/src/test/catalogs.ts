// Every catalog of every language, read at once: for the tests that compare or look into them.
import { type Catalogs, catalogPath, namespaces } from '../app/i18n-resources.ts';
import { languages } from '../lib/language.ts';

const files = import.meta.glob<Record<string, unknown>>(
  ['../locales/*.json', '../features/*/locales/*.json'],
  {
    eager: true,
    import: 'default',
  },
);

export const resources = Object.fromEntries(
  languages.map((language) => [
    language,
    Object.fromEntries(namespaces.map((namespace) => [namespace, files[catalogPath(language, namespace)]])),
  ]),
) as unknown as Record<(typeof languages)[number], Catalogs>;
