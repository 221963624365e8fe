import type { LogtoTenantList } from '@smsdesk/shared/schemas/logto-tenants';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getTenants = (api: ApiClient, signal?: AbortSignal) =>
  api.request<LogtoTenantList>('/api/logto-tenants', { signal }).then((r) => r.data.items);

export const tenantsQueryOptions = (api: ApiClient) =>
  queryOptions({ queryKey: queryKeys.logtoTenants.list, queryFn: ({ signal }) => getTenants(api, signal) });

export function useTenants() {
  return useQuery(tenantsQueryOptions(useApiClient()));
}
