import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { languageStorageKey, languages, toSupportedLanguage } from '../lib/language.ts';
import { defaultNamespace, resources } from './i18n-resources.ts';

function applyToDocument(language: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.title = i18n.t('common:app.title');
}

i18n.on('languageChanged', applyToDocument);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    ns: Object.keys(resources.en),
    defaultNS: defaultNamespace,
    supportedLngs: [...languages],
    fallbackLng: 'en',
    load: 'currentOnly',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['localStorage', 'navigator', 'htmlTag'],
      lookupLocalStorage: languageStorageKey,
      caches: [],
      convertDetectedLanguage: toSupportedLanguage,
    },
    react: { useSuspense: false },
  });

export { i18n };
