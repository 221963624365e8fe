// The boundary rule of biome.json (no dev or test stand-in, no process.env but in config.ts, under
// apps/*/src), checked by running the repo's biome on probe files laid out like the repo in a temp dir
// beside a copy of the real biome.json: removing or narrowing the rule fails this suite.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const biome = join(root, 'node_modules', '.bin', 'biome');
const importMessage =
  'Dev and test stand-ins stay out of production code: import them from scripts/, test/ or e2e/ only.';

const probes: Record<string, string> = {
  'apps/api/src/modules/probe-dev-logto.ts':
    "import { devUsers } from '@smsdesk/dev-logto';\nexport const u = devUsers;\n",
  'apps/api/src/probe-emulator.ts':
    "import { routeTencentHost } from '@smsdesk/tencent-sms-emulator/tencent-host';\nexport const r = routeTencentHost;\n",
  'apps/web/src/probe-test-support.ts':
    "import type { NodeProcess } from '@smsdesk/test-support/node-process';\nexport type P = NodeProcess;\n",
  'apps/api/src/lib/probe-env.ts': 'export const port = process.env.PORT;\n',
  'apps/web/src/probe-env.ts': 'export const mode = process.env.NODE_ENV;\n',
  // Allowed: config.ts reads the environment, tests use the stand-ins, and plain code is plain.
  'apps/api/src/config.ts': 'export const port = process.env.PORT;\n',
  'apps/api/test/probe-dev-logto.ts':
    "import { devUsers } from '@smsdesk/dev-logto';\nexport const u = devUsers;\n",
  'apps/api/src/modules/probe-clean.ts':
    "import { usageTypes } from '@smsdesk/shared/usage-types';\nexport const n = usageTypes.length;\n",
};

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

describe("biome.json's boundary rule for apps/*/src", () => {
  let dir: string;
  let diagnostics: Diagnostic[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'smsdesk-boundary-'));
    copyFileSync(join(root, 'biome.json'), join(dir, 'biome.json'));
    for (const [path, text] of Object.entries(probes)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // The temp dir is no git checkout: the config's VCS settings are switched off for this run only.
    const run = spawnSync(biome, ['lint', '--vcs-enabled=false', '--reporter=json', ...Object.keys(probes)], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.error).toBeUndefined();
    diagnostics = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const of = (path: string) => diagnostics.filter((d) => d.location.path === path);

  it.each([
    'apps/api/src/modules/probe-dev-logto.ts',
    'apps/api/src/probe-emulator.ts',
    'apps/web/src/probe-test-support.ts',
  ])('refuses a stand-in import in %s with the rule’s message', (path) => {
    expect(of(path)).toEqual([
      expect.objectContaining({ category: 'lint/style/noRestrictedImports', message: importMessage }),
    ]);
  });

  it.each(['apps/api/src/lib/probe-env.ts', 'apps/web/src/probe-env.ts'])(
    'refuses process.env in %s',
    (path) => {
      expect(of(path)).toEqual([
        expect.objectContaining({ category: 'lint/style/noProcessEnv', message: "Don't use process.env." }),
      ]);
    },
  );

  it('lets config.ts read process.env, tests import the stand-ins, and passes a clean file', () => {
    expect(of('apps/api/src/config.ts')).toEqual([]);
    expect(of('apps/api/test/probe-dev-logto.ts')).toEqual([]);
    expect(of('apps/api/src/modules/probe-clean.ts')).toEqual([]);
    expect(diagnostics).toHaveLength(5);
  });
});
