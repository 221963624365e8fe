import { describe, expect, it } from 'vitest';
import { pagedPath } from './paged-query.ts';

describe('pagedPath', () => {
  it('leaves out unset parameters and the ? when none is set', () => {
    expect(pagedPath('/api/test-sends', { connectorId: undefined, cursor: '', limit: 0 })).toBe(
      '/api/test-sends',
    );
  });

  it('keeps the given order and encodes the values', () => {
    expect(pagedPath('/api/audit-events', { connectorId: 'c1', cursor: 'a/b=', limit: 20 })).toBe(
      '/api/audit-events?connectorId=c1&cursor=a%2Fb%3D&limit=20',
    );
  });
});
