import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { etagOf } from '@smsdesk/shared/etag';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

/** A connector with the ETag to send back as `If-Match` when changing it. */
export interface VersionedConnector {
  connector: Connector;
  etag: string;
}

export async function getConnector(
  api: ApiClient,
  id: string,
  signal?: AbortSignal,
): Promise<VersionedConnector> {
  const { data, headers } = await api.request<Connector>(`/api/connectors/${encodeURIComponent(id)}`, {
    signal,
  });
  return { connector: data, etag: headers.get('etag') ?? etagOf(data.version) };
}

export const connectorQueryOptions = (api: ApiClient, id: string) =>
  queryOptions({
    queryKey: queryKeys.connectors.detail(id),
    queryFn: ({ signal }) => getConnector(api, id, signal),
  });

export function useConnector(id: string) {
  return useQuery(connectorQueryOptions(useApiClient(), id));
}
