import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDevLogto } from '../src/index.ts';

const dir = await mkdtemp(join(tmpdir(), 'dev-logto-keys-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('signing key file', () => {
  it('creates a P-384 key on first start and reuses it on the next', async () => {
    const keyFile = join(dir, 'nested', 'jwks.json');
    const first = await startDevLogto({ port: 0, keyFile });
    await first.close();
    const stored = JSON.parse(await readFile(keyFile, 'utf8')) as { keys: Record<string, unknown>[] };
    expect(stored.keys).toHaveLength(1);
    expect(stored.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-384', kid: first.privateJwk.kid });
    expect(stored.keys[0]?.d).toEqual(expect.any(String));

    const second = await startDevLogto({ port: 0, keyFile });
    await second.close();
    expect(second.privateJwk.kid).toBe(first.privateJwk.kid);
    expect(second.port).not.toBe(0);
  });

  it('fails clearly when the port is taken', async () => {
    const first = await startDevLogto({ port: 0, keyFile: join(dir, 'jwks.json') });
    try {
      await expect(startDevLogto({ port: first.port, keyFile: join(dir, 'jwks.json') })).rejects.toThrow(
        /EADDRINUSE/,
      );
    } finally {
      await first.close();
    }
  });
});
