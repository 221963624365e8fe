import type { LogtoTencentConfig } from '@smsdesk/shared/schemas/connectors';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getLogtoConfig = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.get<LogtoTencentConfig>(`/api/connectors/${encodeURIComponent(id)}/logto-config`, signal);

// The answer holds the secret and every fetch is an audited export: fetch once per visit, keep nothing after.
export const logtoConfigQueryOptions = (api: ApiClient, id: string) =>
  queryOptions({
    queryKey: queryKeys.connectors.logtoConfig(id),
    queryFn: ({ signal }) => getLogtoConfig(api, id, signal),
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

export function useLogtoConfig(id: string, enabled = true) {
  return useQuery({ ...logtoConfigQueryOptions(useApiClient(), id), enabled });
}
