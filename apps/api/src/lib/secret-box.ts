import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { loadOrCreateLocalSecret } from './local-secrets.ts';

/**
 * AES-256-GCM for the Tencent secrets at rest: `v1.<iv>.<tag>.<ciphertext>`, base64url each. The connector
 * id is bound as associated data, so a ciphertext copied onto another row does not decrypt.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(keyBase64: string) {
    this.key = Buffer.from(keyBase64, 'base64');
    if (this.key.length !== 32) throw new Error('The secret key must be 32 bytes');
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** A key for another purpose (e.g. HMACs), derived so that the encryption key itself is never reused. */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), purpose, 32));
  }

  open(sealed: string, context: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('Unknown secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** The box for `SMSDESK_SECRET_KEY`, or in development for a key generated once into the data folder. */
export function secretBoxFor(
  config: Pick<Config, 'secretKey' | 'dataDir'>,
  log: { warn: (obj: object, msg: string) => void },
): SecretBox {
  if (config.secretKey) return new SecretBox(config.secretKey);
  log.warn(
    { file: `${config.dataDir}/secret-key` },
    'SMSDESK_SECRET_KEY is not set: using a generated key from the data folder (set it in production)',
  );
  return new SecretBox(loadOrCreateLocalSecret(config.dataDir, 'secret-key', 32).value);
}
