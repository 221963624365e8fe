import type { CheckResult } from '@smsdesk/shared/schemas/check';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { saveVerdict } from '../../../lib/check-verdict.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

// Under the connector's key: a change to the connector (invalidating ['connectors', id]) re-runs the check.
export const runCheck = (api: ApiClient, connectorId: string, signal?: AbortSignal) =>
  api
    .request<CheckResult>(`/api/connectors/${encodeURIComponent(connectorId)}/check`, {
      method: 'POST',
      signal,
    })
    .then((r) => {
      saveVerdict(connectorId, r.data);
      return r.data;
    });

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

/** A template under review re-runs the check every 30 s until Tencent decides. */
export function useCheck(connectorId: string) {
  return useQuery({
    ...checkQueryOptions(useApiClient(), connectorId),
    refetchInterval: (query) => (underReview(query.state.data) ? 30_000 : false),
  });
}

export function underReview(result: CheckResult | undefined): boolean {
  return result?.findings.some((f) => f.code === 'TEMPLATE_UNDER_REVIEW') ?? false;
}

/** For a list: runs only when asked (`enabled`), never again by itself. */
export function useCheckOnDemand(connectorId: string, enabled: boolean) {
  return useQuery({
    ...checkQueryOptions(useApiClient(), connectorId),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * For screens that show the check beside something else (the test-send form): a check of the last five
 * minutes is reused, an older one or none is run, so each usage type shows its verdict.
 */
export function useRecentCheck(connectorId: string) {
  return useQuery({ ...checkQueryOptions(useApiClient(), connectorId), staleTime: 5 * 60_000 });
}
