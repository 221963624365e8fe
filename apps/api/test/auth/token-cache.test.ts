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

  it('answers only the very token it stored, whatever the tail they share', () => {
    const cache = new TokenCache<string>(10, () => 0);
    const signature = 's'.repeat(128);
    const genuine = `header.${'a'.repeat(300)}.${signature}`;
    // A forged payload under a genuine signature: the same tail, another token.
    const forged = `header.${'b'.repeat(300)}.${signature}`;
    cache.set(genuine, 'caller', 10);
    expect(cache.get(genuine)).toBe('caller');
    expect(cache.get(`${genuine.slice(0, -1)}${genuine.slice(-1)}`)).toBe('caller'); // an equal, fresh string
    expect(cache.get(forged)).toBeUndefined();
    cache.set(forged, 'other', 10);
    expect(cache.get(forged)).toBe('other');
    expect(cache.get(genuine)).toBeUndefined();
    expect(cache.get('short')).toBeUndefined();
    cache.set('short', 'tiny', 10);
    expect(cache.get('short')).toBe('tiny');
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
