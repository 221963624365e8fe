import { describe, expect, it } from 'vitest';
import { statusFromCode, variablesOf } from '../../src/tencent/rules.ts';

describe('variablesOf', () => {
  it('lists distinct variables in order of first appearance', () => {
    expect(variablesOf('Your code is {1}, valid for {2} minutes. Again: {1}')).toEqual([1, 2]);
    expect(variablesOf('{2} then {1}')).toEqual([2, 1]);
    expect(variablesOf('No variables, {x} or {} here')).toEqual([]);
    expect(variablesOf('{10} and {3}')).toEqual([10, 3]);
  });
});

describe('statusFromCode', () => {
  it("maps Tencent's StatusCode", () => {
    expect(statusFromCode(0)).toBe('approved');
    expect(statusFromCode(1)).toBe('reviewing');
    expect(statusFromCode(2)).toBe('approved_pending');
    expect(statusFromCode(-1)).toBe('rejected');
    expect(statusFromCode(7)).toBe('reviewing');
  });
});
