import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export const defaultKeyFile = '.dev-logto/jwks.json';

/** A P-384 private JWK, the key type Logto signs with by default. */
export async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES384', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: randomUUID(), alg: 'ES384', use: 'sig' };
}

/**
 * Keeps the key across restarts so tokens cached by the SPA or the API stay verifiable while developing;
 * the file lives in an ignored folder because it is a private key.
 */
export async function loadOrCreateSigningKeys(keyFile = defaultKeyFile): Promise<JWK[]> {
  const path = resolve(keyFile);
  try {
    const stored = JSON.parse(await readFile(path, 'utf8')) as { keys?: JWK[] };
    if (Array.isArray(stored.keys) && stored.keys.length > 0 && stored.keys.every((key) => key.d)) {
      return stored.keys;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = [await generateSigningKey()];
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
  return keys;
}
