import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';

/** A page of a newest-first list as the API answers it; `nextCursor` is null on the last page. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The path with the set parameters as its querystring, in the order given; unset ones are left out. */
export function pagedPath(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) query.set(key, String(value));
  }
  const qs = query.toString();
  return `${path}${qs ? `?${qs}` : ''}`;
}

/** Infinite-query options for a cursor-paged list: each page asks for the one after the `nextCursor` before it. */
export function cursorPagedQueryOptions<TPage extends CursorPage<unknown>, TKey extends QueryKey>(
  queryKey: TKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<TPage>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Changes elsewhere add rows: always refetch when the list is shown again, whatever the app's default.
    staleTime: 0,
  });
}
