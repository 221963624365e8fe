import { describe, expect, it, vi } from 'vitest';
import { detectLanguage, i18n } from './i18n.ts';
import { resources } from '../test/catalogs.ts';
import { loadCatalog, namespaces } from './i18n-resources.ts';
import { languageStorageKey, toSupportedLanguage } from '../lib/language.ts';

// i18next picks `_one`/`_other` by the language's plural rules: Chinese has only `_other`, English both.
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix.replace(pluralSuffix, '')];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholdersOf(value: unknown, out = new Map<string, string>(), prefix = ''): Map<string, string> {
  if (typeof value === 'string') {
    const names = [...value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<(\w+)>/g)].map((m) => m[1] ?? m[2]);
    out.set(prefix.replace(pluralSuffix, ''), [...new Set(names)].sort().join(','));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value))
      placeholdersOf(child, out, prefix ? `${prefix}.${key}` : key);
  }
  return out;
}

describe('catalogs', () => {
  const namespaces = new Set([...Object.keys(resources.en), ...Object.keys(resources['zh-CN'])]);

  for (const ns of namespaces) {
    it(`${ns}: every key exists in both en and zh-CN`, () => {
      const en = new Set(keysOf((resources.en as unknown as Record<string, unknown>)[ns]));
      const zh = new Set(keysOf((resources['zh-CN'] as unknown as Record<string, unknown>)[ns]));
      expect({
        onlyInEn: [...en].filter((k) => !zh.has(k)),
        onlyInZh: [...zh].filter((k) => !en.has(k)),
      }).toEqual({
        onlyInEn: [],
        onlyInZh: [],
      });
    });

    it(`${ns}: both languages use the same placeholders and tags`, () => {
      const en = placeholdersOf((resources.en as unknown as Record<string, unknown>)[ns]);
      const zh = placeholdersOf((resources['zh-CN'] as unknown as Record<string, unknown>)[ns]);
      const differing = [...en]
        .filter(([key, names]) => zh.has(key) && zh.get(key) !== names)
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });
  }

  it('a key missing from one catalog is reported', () => {
    const en = new Set(keysOf({ a: { b: 'x', c_one: 'y', c_other: 'z' } }));
    const zh = new Set(keysOf({ a: { c_other: 'z' } }));
    expect([...en].filter((k) => !zh.has(k))).toEqual(['a.b']);
  });
});

describe('catalogs loaded on demand', () => {
  it('every namespace has a chunk per language, equal to the catalog file', async () => {
    for (const language of ['en', 'zh-CN'] as const)
      for (const namespace of namespaces)
        expect(await loadCatalog(language, namespace), `${namespace} ${language}`).toEqual(
          resources[language][namespace],
        );
    await expect(loadCatalog('fr', 'common')).rejects.toThrow('no common catalog for fr');
  });

  it('a language switch brings every loaded namespace of the new language', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(namespaces.filter((ns) => !i18n.hasResourceBundle('zh-CN', ns))).toEqual([]);
    expect(i18n.t('common:app.title')).toBe(
      resources['zh-CN'].common?.app && (resources['zh-CN'].common.app as Record<string, string>).title,
    );
    await i18n.changeLanguage('en');
  });
});

describe('language', () => {
  it('follows the stored choice, then the browser, then English', () => {
    const languagesOf = vi.spyOn(navigator, 'languages', 'get');
    try {
      languagesOf.mockReturnValue(['fr-FR', 'zh-TW', 'en']);
      expect(detectLanguage()).toBe('zh-CN');
      languagesOf.mockReturnValue(['en-GB', 'zh-CN']);
      expect(detectLanguage()).toBe('en');
      languagesOf.mockReturnValue(['fr-FR']);
      expect(detectLanguage()).toBe('en');
      localStorage.setItem(languageStorageKey, 'zh-CN');
      expect(detectLanguage()).toBe('zh-CN');
    } finally {
      localStorage.removeItem(languageStorageKey);
      languagesOf.mockRestore();
    }
  });

  it('maps every Chinese browser locale to the Simplified catalog', () => {
    expect(['zh', 'zh-CN', 'zh-TW', 'zh-Hans-CN'].map(toSupportedLanguage)).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ]);
    expect(toSupportedLanguage('en-US')).toBe('en-US');
  });

  it('sets <html lang> and the title when the language changes', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(i18n.t('nav.connectors')).toBe('连接器');
    await i18n.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
