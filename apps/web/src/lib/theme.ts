export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/** Only an explicit choice is stored: "system" removes it and the page follows prefers-color-scheme. */
export const themeStorageKey = 'smsdesk:theme';

export const isTheme = (value: unknown): value is Theme =>
  typeof value === 'string' && (themes as readonly string[]).includes(value);

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(themeStorageKey);
    return isTheme(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** `<html data-theme>` selects the palette in styles/tokens.css; without it the system decides. */
export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function chooseTheme(theme: Theme) {
  try {
    if (theme === 'system') localStorage.removeItem(themeStorageKey);
    else localStorage.setItem(themeStorageKey, theme);
  } catch {
    // Storage refused (private mode): the choice holds for this page view only.
  }
  applyTheme(theme);
}
