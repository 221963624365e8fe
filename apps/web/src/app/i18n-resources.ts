// One catalog pair per feature (namespace = feature folder), plus `common` for the shell and shared
// components. A new feature adds its two imports here; the parity test then covers it.
import authEn from '../features/auth/locales/en.json';
import authZh from '../features/auth/locales/zh-CN.json';
import commonEn from '../locales/en.json';
import commonZh from '../locales/zh-CN.json';

export const defaultNamespace = 'common';

export const resources = {
  en: { common: commonEn, auth: authEn },
  'zh-CN': { common: commonZh, auth: authZh },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNamespace;
    resources: (typeof resources)['en'];
  }
}
