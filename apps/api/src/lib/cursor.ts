import { createError } from '../errors.ts';

export interface Cursor {
  at: string;
  id: string;
}

/** Opaque keyset cursors: newest-first pages stay stable while rows are added. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // fall through to the 400 below
  }
  throw createError('VALIDATION_FAILED', 'The cursor is not one this API returned', {
    fields: [{ field: 'querystring.cursor', rule: 'cursor', message: 'is not a valid cursor' }],
  });
}
