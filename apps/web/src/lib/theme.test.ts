import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseTheme, storedTheme, themeStorageKey } from './theme.ts';

afterEach(() => chooseTheme('system'));

describe('theme', () => {
  it('follows the system until a theme is picked, and remembers the pick', () => {
    expect(storedTheme()).toBe('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    chooseTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(themeStorageKey)).toBe('dark');
    expect(storedTheme()).toBe('dark');
    chooseTheme('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem(themeStorageKey)).toBeNull();
  });

  it('has one dark palette: the system rule and the switch rule set the same tokens', () => {
    const css = readFileSync(join(process.cwd(), 'src/styles/tokens.css'), 'utf8');
    const block = (selector: string) => {
      const start = css.indexOf(selector);
      expect(start, selector).toBeGreaterThan(-1);
      const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
      return body
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .sort();
    };
    const system = block(':root:not([data-theme="light"])');
    const picked = block(':root[data-theme="dark"]');
    expect(system.length).toBeGreaterThan(10);
    expect(picked).toEqual(system);
    // Every colour the light palette defines has its dark value.
    const names = (decls: string[]) => decls.map((d) => d.split(':')[0]);
    const light = block(':root {').filter(
      (d) => /^--(?!font|radius|space|text-sm)/.test(d) || d.startsWith('color-scheme'),
    );
    expect(names(system)).toEqual(expect.arrayContaining(names(light)));
  });
});
