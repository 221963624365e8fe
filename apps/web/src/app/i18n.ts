import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, languageStorageKey, languages, toSupportedLanguage } from '../lib/language.ts';
import { defaultNamespace, firstScreenNamespaces, loadCatalog, namespaces } from './i18n-resources.ts';

function applyToDocument(language: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.title = i18n.t('common:app.title');
}

i18n.on('languageChanged', applyToDocument);

/** The catalogs come as chunks of their own, for the language in use (and `en` behind an unknown one). */
const catalogs: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, namespace, done) => {
    loadCatalog(language, namespace).then(
      (catalog) => done(null, catalog),
      (error: Error) => done(error, false),
    );
  },
};

/** The choice made in the header, else the first browser language smsdesk ships (`en-GB` → `en`), else `en`. */
export function detectLanguage(): string {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(languageStorageKey);
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const candidate of [stored, ...browser]) {
    if (!candidate) continue;
    const language = toSupportedLanguage(candidate);
    const primary = language.split('-')[0] ?? '';
    if (isLanguage(language)) return language;
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** Resolves once the first screen's catalogs are in: render after it, so no key shows as text. */
export const i18nReady = i18n
  .use(catalogs)
  .use(initReactI18next)
  .init({
    lng: detectLanguage(),
    ns: [...firstScreenNamespaces],
    defaultNS: defaultNamespace,
    supportedLngs: [...languages],
    // Both catalogs hold every key (the parity test): Chinese needs no English behind it.
    fallbackLng: { 'zh-CN': [], default: ['en'] },
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  })
  .then(() => applyToDocument(i18n.language));

/** Every catalog of the language in use (a language switch then fetches them all for the new one). */
export const loadAllCatalogs = () => i18n.loadNamespaces([...namespaces]);

export { i18n };
