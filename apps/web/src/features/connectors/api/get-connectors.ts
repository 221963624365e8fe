import type { ConnectorList } from '@smsdesk/shared/schemas/connectors';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getConnectors = (api: ApiClient, signal?: AbortSignal) =>
  api.get<ConnectorList>('/api/connectors', signal);

export const connectorsQueryOptions = (api: ApiClient) =>
  queryOptions({ queryKey: queryKeys.connectors.list, queryFn: ({ signal }) => getConnectors(api, signal) });

export function useConnectors() {
  return useQuery(connectorsQueryOptions(useApiClient()));
}
