import { describe, expect, it } from 'vitest';
import { TokenCache } from '../../src/auth/token-cache.ts';

describe('verified-token cache', () => {
  it('never serves a token past its exp', () => {
    let now = 1_000;
    const cache = new TokenCache<string>(10, () => now);
    cache.set('t', 'caller', 2_000);
    expect(cache.get('t')).toBe('caller');
    now = 2_000;
    expect(cache.get('t')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('is bounded, dropping the oldest entry first', () => {
    const cache = new TokenCache<number>(2, () => 0);
    cache.set('a', 1, 10);
    cache.set('b', 2, 10);
    cache.set('c', 3, 10);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
  });

  it('keeps nothing with size 0 or an already expired token', () => {
    const off = new TokenCache<number>(0, () => 0);
    off.set('a', 1, 10);
    expect(off.get('a')).toBeUndefined();
    const cache = new TokenCache<number>(5, () => 100);
    cache.set('old', 1, 50);
    expect(cache.size).toBe(0);
  });
});
