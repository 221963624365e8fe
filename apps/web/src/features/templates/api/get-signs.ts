import type { SignList } from '@smsdesk/shared/schemas/templates';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getSigns = (api: ApiClient, connectorId: string, signal?: AbortSignal) =>
  api.get<SignList>(`/api/connectors/${encodeURIComponent(connectorId)}/signs`, signal);

export const signsQueryOptions = (api: ApiClient, connectorId: string) =>
  queryOptions({
    queryKey: queryKeys.connectors.signs(connectorId),
    queryFn: ({ signal }) => getSigns(api, connectorId, signal),
  });

export function useSigns(connectorId: string) {
  return useQuery(signsQueryOptions(useApiClient(), connectorId));
}
