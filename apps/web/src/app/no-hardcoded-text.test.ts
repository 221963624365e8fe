// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('..', import.meta.url));

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? componentFiles(join(dir, entry.name))
      : entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx')
        ? [join(dir, entry.name)]
        : [],
  );
}

// Attributes a person reads (or hears): a literal there is a string left in code.
const readAttributes = new Set([
  'title',
  'label',
  'aria-label',
  'placeholder',
  'alt',
  'help',
  'empty',
  'loadingLabel',
  'errorTitle',
  'confirmLabel',
]);
// Words that are the same in every language: the product's name, and examples of what to type.
const allowed = /^(smsdesk|zh-CN|\+?\d+|[—✓✗!✉→·…:;,.()\s-]*)$/;
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !allowed.test(text.trim());

/** Every JSX text and read attribute with words in it, as `file:line text`. */
function literalsIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${relative(src, file)}:${line + 1} ${text.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) at(node, node.text);
    if (
      ts.isJsxAttribute(node) &&
      readAttributes.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      hasWords(node.initializer.text)
    )
      at(node, node.initializer.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no string left in code', () => {
  it('every text a person reads comes from the catalogs', () => {
    expect(componentFiles(src).flatMap(literalsIn)).toEqual([]);
  });

  it('finds a literal when there is one', () => {
    const file = join(src, 'test', 'fixture-literal.tsx');
    const source = ts.createSourceFile(
      file,
      '<p title="Hello there">Loading…</p>',
      ts.ScriptTarget.Latest,
      true,
    );
    const texts: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && hasWords(node.text)) texts.push(node.text);
      if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer))
        texts.push(node.initializer.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(texts).toEqual(['Hello there', 'Loading…']);
  });
});
