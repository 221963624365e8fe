// One catalog pair per feature (namespace = feature folder), plus `common` for the shell and shared
// components. A new feature adds its two imports here; the parity test then covers it.
import authEn from '../features/auth/locales/en.json';
import authZh from '../features/auth/locales/zh-CN.json';
import connectorsEn from '../features/connectors/locales/en.json';
import connectorsZh from '../features/connectors/locales/zh-CN.json';
import healthEn from '../features/health/locales/en.json';
import healthZh from '../features/health/locales/zh-CN.json';
import templatesEn from '../features/templates/locales/en.json';
import templatesZh from '../features/templates/locales/zh-CN.json';
import testSendsEn from '../features/test-sends/locales/en.json';
import testSendsZh from '../features/test-sends/locales/zh-CN.json';
import auditEn from '../features/audit/locales/en.json';
import auditZh from '../features/audit/locales/zh-CN.json';
import logtoTenantsEn from '../features/logto-tenants/locales/en.json';
import logtoTenantsZh from '../features/logto-tenants/locales/zh-CN.json';
import commonEn from '../locales/en.json';
import commonZh from '../locales/zh-CN.json';

export const defaultNamespace = 'common';

export const resources = {
  en: {
    common: commonEn,
    auth: authEn,
    connectors: connectorsEn,
    health: healthEn,
    templates: templatesEn,
    testSends: testSendsEn,
    audit: auditEn,
    logtoTenants: logtoTenantsEn,
  },
  'zh-CN': {
    common: commonZh,
    auth: authZh,
    connectors: connectorsZh,
    health: healthZh,
    templates: templatesZh,
    testSends: testSendsZh,
    audit: auditZh,
    logtoTenants: logtoTenantsZh,
  },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNamespace;
    resources: (typeof resources)['en'];
  }
}
