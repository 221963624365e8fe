import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/** Logto's codes are 6 digits; so are ours, with leading zeros. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function derive(code: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(code, salt, 32, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * `scrypt$<salt>$<hash>`. A 6-digit code has only a million values, so a plain hash would be reversed
 * instantly from a database copy; scrypt with a per-send salt makes each guess cost real work.
 */
export async function hashCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(code, salt);
  return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function codeMatches(code: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(code, Buffer.from(salt, 'base64url'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The per-phone limit needs to recognise a number again without storing it: a hash of the E.164 form
 * under a fixed application salt (the clear number is kept only masked).
 */
export function phoneHash(e164: string): string {
  return createHash('sha256').update(`smsdesk/test-send-phone/v1:${e164}`).digest('base64url');
}
