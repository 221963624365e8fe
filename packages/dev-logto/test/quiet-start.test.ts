import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('a quiet start', () => {
  it("prints none of oidc-provider's start-up warnings, and still prints other warnings", {
    timeout: 40_000,
  }, () => {
    // A process of its own: the warnings come from importing oidc-provider, once per process.
    const script = `
      const { startDevLogto, generateSigningKey } = await import('./src/index.ts');
      const logto = await startDevLogto({ port: 0, keys: [await generateSigningKey()] });
      await fetch(logto.issuer + '/.well-known/openid-configuration');
      await logto.close();
      console.warn('oidc-provider WARNING: something dev-logto did not expect');
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 35_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('Unsupported runtime');
    expect(run.stderr).not.toContain('in-memory adapter');
    expect(run.stderr).toContain('oidc-provider WARNING: something dev-logto did not expect');
  });
});
