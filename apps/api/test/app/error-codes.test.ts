import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes } from '@smsdesk/shared/error-codes';
import { ErrorBodySchema, errorDetailsSchemas } from '@smsdesk/shared/schemas/errors';
import { describe, expect, it } from 'vitest';
import { errorStatuses, otherStatuses } from '../../src/errors.ts';

const root = join(import.meta.dirname, '../../../..');
const src = join(import.meta.dirname, '../../src');

/** The README's error table: `| \`CODE\` | 409 | meaning |`, a status cell may list two (`503, 502`). */
function readmeRows(): Map<string, { statuses: number[]; meaning: string }> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Error codes'));
  const rows = new Map<string, { statuses: number[]; meaning: string }>();
  for (const match of section.matchAll(/^\| `([A-Z0-9_]+)` +\| ([\d, ]+?) +\| (.+?) +\|$/gm)) {
    const [, code, statuses, meaning] = match as unknown as [string, string, string, string];
    if (rows.has(code)) throw new Error(`README lists ${code} twice`);
    rows.set(code, { statuses: statuses.split(',').map((s) => Number(s.trim())), meaning });
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('error codes', () => {
  it('lists every code in the README with its status, and nothing the API does not have', () => {
    const rows = readmeRows();
    const documented = [...rows.keys()];
    expect(documented.filter((code) => !(errorCodes as readonly string[]).includes(code))).toEqual([]);
    expect(errorCodes.filter((code) => !rows.has(code))).toEqual([]);
    for (const code of errorCodes) {
      const row = rows.get(code)!;
      expect({ code, statuses: row.statuses }).toEqual({
        code,
        statuses: [errorStatuses[code], ...(otherStatuses[code] ?? [])],
      });
      expect(row.meaning.length, `${code} needs a sentence`).toBeGreaterThan(15);
    }
  });

  it('gives every code of the shared list a 4xx/5xx status, and no status to a code not in it', () => {
    expect(Object.keys(errorStatuses).sort()).toEqual([...errorCodes].sort());
    for (const status of Object.values(errorStatuses)) {
      expect(status >= 400 && status < 600, String(status)).toBe(true);
    }
    expect(
      Object.keys(errorDetailsSchemas).filter((code) => !(errorCodes as readonly string[]).includes(code)),
    ).toEqual([]);
  });

  it('has no code that no source file of the API answers with', () => {
    const text = sourceFiles(src)
      // Not the status table itself, where every code stands.
      .filter((file) => file.endsWith('.ts') && file !== join(src, 'errors.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(errorCodes.filter((code) => !text.includes(`'${code}'`))).toEqual([]);
  });

  it('puts the list in the OpenAPI document: the error body answers one of these codes', () => {
    const code = ErrorBodySchema.properties.error.properties.code;
    expect(code.anyOf.map((literal: { const: string }) => literal.const)).toEqual([...errorCodes]);
  });
});
