import type { CheckResult } from '@smsdesk/shared/schemas/check';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

// Under the connector's key: a change to the connector (invalidating ['connectors', id]) re-runs the check.
export const runCheck = (api: ApiClient, connectorId: string, signal?: AbortSignal) =>
  api
    .request<CheckResult>(`/api/connectors/${encodeURIComponent(connectorId)}/check`, {
      method: 'POST',
      signal,
    })
    .then((r) => r.data);

/**
 * The check is a POST (it calls Tencent) but changes nothing, so it is a query: run when the tab opens,
 * re-run on demand, and its last answer stays cached for the other tabs. Not on window focus: each run
 * costs Tencent API calls.
 */
export const checkQueryOptions = (api: ApiClient, connectorId: string) =>
  queryOptions({
    queryKey: queryKeys.connectors.check(connectorId),
    queryFn: ({ signal }) => runCheck(api, connectorId, signal),
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

export function useCheck(connectorId: string) {
  return useQuery(checkQueryOptions(useApiClient(), connectorId));
}

/**
 * For screens that show the check beside something else (the test-send form): a check of the last five
 * minutes is reused, an older one or none is run, so each usage type shows its verdict.
 */
export function useRecentCheck(connectorId: string) {
  return useQuery({ ...checkQueryOptions(useApiClient(), connectorId), staleTime: 5 * 60_000 });
}
