import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, isLanguage, languages } from '../lib/language.ts';

export function LanguageSwitch() {
  // The hook re-renders this on every language change, so `currentLanguage()` is fresh.
  const { t } = useTranslation();
  const value = currentLanguage();
  return (
    <label className="language-switch">
      <span className="sr-only">{t('language.label')}</span>
      <select
        value={value}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void chooseLanguage(event.target.value);
        }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
