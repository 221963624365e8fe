import { sql } from 'kysely';
import { createError } from '../errors.ts';
import { isStorableText } from './text.ts';

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
    if (
      typeof at === 'string' &&
      typeof id === 'string' &&
      isStorableText(id) &&
      isStorableText(at) &&
      !Number.isNaN(Date.parse(at))
    )
      return { at, id };
  } catch {
    // fall through to the 400 below
  }
  throw createError('VALIDATION_FAILED', 'The cursor is not one this API returned', {
    fields: [{ field: 'querystring.cursor', rule: 'cursor', message: 'is not a valid cursor' }],
  });
}

/**
 * Rows after the cursor in newest-first order (`created_at`, then `id`, both descending). The first term
 * alone is a range on the `(…, created_at, id)` indexes, so a deep page starts where the cursor points
 * instead of scanning every newer row; the second only settles ties on `created_at`.
 */
export function olderThan(after: Cursor) {
  return sql<boolean>`(created_at <= ${after.at} and (created_at < ${after.at} or id < ${after.id}))`;
}

/**
 * One newest-first page: `fetch` returns up to `take` rows older than the cursor, in order; one more row
 * than the page holds tells whether there is a next page.
 */
export async function newestFirstPage<Row extends { createdAt: string; id: string }>(
  cursor: string | undefined,
  limit: number,
  fetch: (after: Cursor | null, take: number) => Promise<Row[]>,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const rows = await fetch(cursor ? decodeCursor(cursor) : null, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
