import i18n from 'i18next';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

/** Only an explicit choice in the header is stored: a visitor who never picks keeps following the browser. */
export const languageStorageKey = 'smsdesk:language';

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/** Every Chinese browser locale maps to the Simplified catalog, the one smsdesk ships. */
export function toSupportedLanguage(detected: string): string {
  return /^zh\b/i.test(detected) ? 'zh-CN' : detected;
}

/** The language in use, as one of the shipped catalogs (what the SPA sends to Logto as `ui_locales`). */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return language && isLanguage(language) ? language : 'en';
}

export function chooseLanguage(language: Language) {
  localStorage.setItem(languageStorageKey, language);
  return i18n.changeLanguage(language);
}
