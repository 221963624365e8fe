import { describe, expect, it } from 'vitest';
import { statusFromCode } from '../../src/tencent/rules.ts';

describe('statusFromCode', () => {
  it("maps Tencent's StatusCode", () => {
    expect(statusFromCode(0)).toBe('approved');
    expect(statusFromCode(1)).toBe('reviewing');
    expect(statusFromCode(2)).toBe('approved_pending');
    expect(statusFromCode(-1)).toBe('rejected');
    expect(statusFromCode(7)).toBe('reviewing');
  });
});
