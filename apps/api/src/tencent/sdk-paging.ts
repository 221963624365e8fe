/** Tencent's limit for TemplateIdSet / SignIdSet and for Limit. */
export const MAX_PAGE = 100;

/** A page size within Tencent's bounds. */
export function clampPage(size: number | undefined): number {
  return Math.min(Math.max(Math.trunc(size ?? MAX_PAGE), 1), MAX_PAGE);
}

/** Every item of a Limit/Offset list, keyed by id. */
export async function allPages<T extends { id: string }>(
  pageSize: number,
  fetchPage: (limit: number, offset: number) => Promise<T[]>,
): Promise<T[]> {
  const found = new Map<string, T>();
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetchPage(pageSize, offset);
    let fresh = 0;
    for (const item of page) {
      if (!found.has(item.id)) fresh++;
      found.set(item.id, item);
    }
    // A short page ends the list; a page with nothing new means the server ignores Offset.
    if (page.length < pageSize || fresh === 0) return [...found.values()];
  }
}

/** Asks for the given ids in sets of at most MAX_PAGE. */
export async function byIdChunks<T>(
  ids: string[],
  fetchChunk: (ids: number[]) => Promise<T[]>,
): Promise<T[]> {
  // An id that is not a number cannot exist at Tencent; it is simply not found.
  const numeric = [...new Set(ids)].filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  const results: T[] = [];
  for (let i = 0; i < numeric.length; i += MAX_PAGE)
    results.push(...(await fetchChunk(numeric.slice(i, i + MAX_PAGE))));
  return results;
}
