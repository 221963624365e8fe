import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseTheme, isTheme, storedTheme, themes } from '../lib/theme.ts';

/** System (follows prefers-color-scheme), light or dark; remembered in this browser. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const [theme, setTheme] = useState(storedTheme);
  return (
    <label className="theme-switch">
      <span className="sr-only">{t('theme.label')}</span>
      <select
        value={theme}
        onChange={(event) => {
          if (!isTheme(event.target.value)) return;
          chooseTheme(event.target.value);
          setTheme(event.target.value);
        }}
      >
        {themes.map((value) => (
          <option key={value} value={value}>
            {t(`theme.${value}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
