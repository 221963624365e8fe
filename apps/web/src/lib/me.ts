// /api/me is read by every feature (who is signed in, which scopes): it lives here, not in one feature.
import type { Me } from '@smsdesk/shared/schemas/me';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './api-client.ts';
import { useApiClient } from './api-provider.tsx';
import { queryKeys } from './query-keys.ts';

export const getMe = (api: ApiClient, signal?: AbortSignal) => api.get<Me>('/api/me', signal);

export const meQueryOptions = (api: ApiClient) =>
  queryOptions({ queryKey: queryKeys.me, queryFn: ({ signal }) => getMe(api, signal), staleTime: 60_000 });

export function useMe() {
  return useQuery(meQueryOptions(useApiClient()));
}
