/**
 * A bounded cache of verified access tokens. ES384 verification costs ~1.4 ms of CPU, so a script or SPA
 * that reuses its token must not pay it per request. An entry never outlives the token's `exp`; the oldest
 * entries go first when the cache is full.
 *
 * The Map is keyed by the token's last characters (a JWT's signature) and the entry holds the whole
 * token, compared on every hit: a request's header is a fresh string, and hashing a 1 KB token for the
 * lookup cost more than the rest of the cache. A token that only shares the tail is a miss.
 */
export class TokenCache<T> {
  private readonly entries = new Map<string, { token: string; value: T; expiresAtMs: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): T | undefined {
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (!entry || entry.token !== token) return undefined;
    if (this.now() >= entry.expiresAtMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(token: string, value: T, expiresAtMs: number): void {
    if (this.maxEntries === 0 || expiresAtMs <= this.now()) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(keyOf(token), { token, value, expiresAtMs });
  }

  get size(): number {
    return this.entries.size;
  }
}

const KEY_LENGTH = 64;

function keyOf(token: string): string {
  return token.length > KEY_LENGTH ? token.slice(-KEY_LENGTH) : token;
}
