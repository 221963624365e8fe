// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('..', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** `[file, imported path]` for every relative import of a file that resolves into `src/features/<x>`. */
function featureImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)]
    .map((m) => relative(src, resolve(file, '..', m[1] ?? '')))
    .filter((path) => path.startsWith('features/'));
}

// bulletproof-react's rule: features compose only in src/app; shared code (components, lib) imports none.
describe('import boundaries', () => {
  it('a feature imports no other feature', () => {
    const crossings = filesUnder(join(src, 'features')).flatMap((file) => {
      const own = relative(src, file).split('/')[1];
      return featureImports(file)
        .filter((path) => path.split('/')[1] !== own)
        .map((path) => `${relative(src, file)} → ${path}`);
    });
    expect(crossings).toEqual([]);
  });

  it('components and lib import no feature', () => {
    const crossings = [...filesUnder(join(src, 'components')), ...filesUnder(join(src, 'lib'))].flatMap(
      (file) => featureImports(file).map((path) => `${relative(src, file)} → ${path}`),
    );
    expect(crossings).toEqual([]);
  });
});
