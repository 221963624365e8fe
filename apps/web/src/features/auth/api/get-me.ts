import type { Me } from '@smsdesk/shared/schemas/me';
import type { ApiScope } from '@smsdesk/shared/scopes';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';

export const getMe = (api: ApiClient, signal?: AbortSignal) => api.get<Me>('/api/me', signal);

export const meQueryOptions = (api: ApiClient) =>
  queryOptions({ queryKey: ['me'], queryFn: ({ signal }) => getMe(api, signal), staleTime: 60_000 });

export function useMe() {
  return useQuery(meQueryOptions(useApiClient()));
}

/** Whether the signed-in caller holds a scope; false while unknown, so buttons start disabled. */
export function useCan(scope: ApiScope): boolean {
  const { data } = useMe();
  return data?.scopes.includes(scope) ?? false;
}
