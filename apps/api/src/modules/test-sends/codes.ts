import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Logto's codes are 6 digits; so are ours, with leading zeros. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Codes and phone numbers are kept only as HMACs under a key derived from SMSDESK_SECRET_KEY. A 6-digit code
 * has a million values, so an unkeyed hash (even a slow one) is reversed from a database copy in hours; a
 * keyed one cannot be tried at all without the key, and costs microseconds instead of scrypt's ~50 ms.
 */
export function createCodeHasher(key: Buffer) {
  const mac = (label: string, value: string, salt = '') =>
    createHmac('sha256', key).update(`${label}\0${salt}\0${value}`).digest();

  return {
    /** `hmac$<salt>$<mac>`: a per-send salt, so two sends of the same code never share a stored value. */
    hashCode(code: string): string {
      const salt = randomBytes(16).toString('base64url');
      return `hmac$${salt}$${mac('code', code, salt).toString('base64url')}`;
    },
    codeMatches(code: string, stored: string): boolean {
      const [scheme, salt, hash] = stored.split('$');
      if (scheme !== 'hmac' || !salt || !hash) return false;
      const expected = Buffer.from(hash, 'base64url');
      const actual = mac('code', code, salt);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
    /** Recognises a number again for the per-phone limit without storing it (the clear number is only masked). */
    phoneHash(e164: string): string {
      return mac('phone', e164).toString('base64url');
    },
  };
}

export type CodeHasher = ReturnType<typeof createCodeHasher>;
