import type { TestSendPage } from '@smsdesk/shared/schemas/test-sends';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';

export interface TestSendFilter {
  connectorId?: string;
  limit?: number;
}

export const testSendListsKey = ['test-sends', 'list'] as const;

export function getTestSends(
  api: ApiClient,
  filter: TestSendFilter & { cursor?: string },
  signal?: AbortSignal,
) {
  const query = new URLSearchParams();
  if (filter.connectorId) query.set('connectorId', filter.connectorId);
  if (filter.cursor) query.set('cursor', filter.cursor);
  if (filter.limit) query.set('limit', String(filter.limit));
  const qs = query.toString();
  return api.get<TestSendPage>(`/api/test-sends${qs ? `?${qs}` : ''}`, signal);
}

export const testSendsQueryOptions = (api: ApiClient, filter: TestSendFilter) =>
  infiniteQueryOptions({
    queryKey: [...testSendListsKey, filter] as const,
    queryFn: ({ pageParam, signal }) => getTestSends(api, { ...filter, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });

export function useTestSends(filter: TestSendFilter) {
  return useInfiniteQuery(testSendsQueryOptions(useApiClient(), filter));
}
