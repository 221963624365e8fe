import type { TestSendPage } from '@smsdesk/shared/schemas/test-sends';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { cursorPagedQueryOptions, pagedPath } from '../../../lib/paged-query.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface TestSendFilter {
  connectorId?: string;
  limit?: number;
}

export function getTestSends(
  api: ApiClient,
  filter: TestSendFilter & { cursor?: string },
  signal?: AbortSignal,
) {
  const { connectorId, cursor, limit } = filter;
  return api.get<TestSendPage>(pagedPath('/api/test-sends', { connectorId, cursor, limit }), signal);
}

export const testSendsQueryOptions = (api: ApiClient, filter: TestSendFilter) =>
  cursorPagedQueryOptions(queryKeys.testSends.list(filter), (cursor, signal) =>
    getTestSends(api, { ...filter, cursor }, signal),
  );

export function useTestSends(filter: TestSendFilter) {
  return useInfiniteQuery(testSendsQueryOptions(useApiClient(), filter));
}
