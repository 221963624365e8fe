// One catalog pair per feature (namespace = feature folder), plus `common` for the shell and shared
// components. A new feature adds its two types here and its name to `namespaces`; the parity test then
// covers it. Each catalog is a chunk of its own, fetched for the language in use only: the signed-out first
// screen needs `common` and `auth`, the pages behind sign-in load the others with their code.
import type auditEn from '../features/audit/locales/en.json';
import type authEn from '../features/auth/locales/en.json';
import type connectorsEn from '../features/connectors/locales/en.json';
import type healthEn from '../features/health/locales/en.json';
import type logtoTenantsEn from '../features/logto-tenants/locales/en.json';
import type templatesEn from '../features/templates/locales/en.json';
import type testSendsEn from '../features/test-sends/locales/en.json';
import type commonEn from '../locales/en.json';

export const defaultNamespace = 'common';

export interface Catalogs {
  common: typeof commonEn;
  auth: typeof authEn;
  connectors: typeof connectorsEn;
  health: typeof healthEn;
  templates: typeof templatesEn;
  testSends: typeof testSendsEn;
  audit: typeof auditEn;
  logtoTenants: typeof logtoTenantsEn;
}
export type Namespace = keyof Catalogs;

export const namespaces: readonly Namespace[] = [
  'common',
  'auth',
  'connectors',
  'health',
  'templates',
  'testSends',
  'audit',
  'logtoTenants',
];
export const firstScreenNamespaces: readonly Namespace[] = ['common', 'auth'];

const catalogFiles = import.meta.glob<Record<string, unknown>>(
  ['../locales/*.json', '../features/*/locales/*.json'],
  { import: 'default' },
);

/** `testSends` → `../features/test-sends/locales/zh-CN.json`; `common` → `../locales/zh-CN.json`. */
export function catalogPath(language: string, namespace: string): string {
  const folder =
    namespace === defaultNamespace
      ? '..'
      : `../features/${namespace.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return `${folder}/locales/${language}.json`;
}

export function loadCatalog(language: string, namespace: string): Promise<Record<string, unknown>> {
  const load = catalogFiles[catalogPath(language, namespace)];
  return load ? load() : Promise.reject(new Error(`no ${namespace} catalog for ${language}`));
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNamespace;
    resources: Catalogs;
  }
}
