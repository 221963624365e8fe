import type { Connector, CreateConnector } from '@smsdesk/shared/schemas/connectors';
import { etagOf } from '@smsdesk/shared/etag';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import type { VersionedConnector } from './get-connector.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export async function createConnector(api: ApiClient, body: CreateConnector): Promise<VersionedConnector> {
  const { data, headers } = await api.request<Connector>('/api/connectors', { method: 'POST', body });
  return { connector: data, etag: headers.get('etag') ?? etagOf(data.version) };
}

export function useCreateConnector() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConnector) => createConnector(api, body),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.connectors.detail(created.connector.id), created);
      return queryClient.invalidateQueries({ queryKey: queryKeys.connectors.list, exact: true });
    },
  });
}
