import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CursorPage } from '../lib/paged-query.ts';
import { ErrorNotice } from './error-notice.tsx';
import { Loading } from './spinner.tsx';

/**
 * A cursor-paged list: its loading, empty and error states, the rows loaded so far through `children`,
 * and a "Load more" button while there are more pages. A failed later page keeps the rows shown.
 */
export function PagedList<T>({
  query,
  loadingLabel,
  errorTitle,
  empty,
  children,
}: {
  query: UseInfiniteQueryResult<InfiniteData<CursorPage<T>, unknown>>;
  loadingLabel: string;
  errorTitle: string;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage, refetch } = query;
  if (isPending) return <Loading label={loadingLabel} />;
  if (error && !data) return <ErrorNotice error={error} title={errorTitle} onRetry={() => void refetch()} />;
  const items = data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <>
      {children(items)}
      <ErrorNotice error={error} onRetry={() => void fetchNextPage()} />
      {hasNextPage ? (
        <button
          type="button"
          className="button"
          disabled={isFetchingNextPage}
          onClick={() => void fetchNextPage()}
        >
          {isFetchingNextPage ? t('state.loading') : t('state.loadMore')}
        </button>
      ) : null}
    </>
  );
}
