import type { Connector, ImportConnector } from '@smsdesk/shared/schemas/connectors';
import { etagOf } from '@smsdesk/shared/etag';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import type { VersionedConnector } from './get-connector.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export async function importConnector(api: ApiClient, body: ImportConnector): Promise<VersionedConnector> {
  const { data, headers } = await api.request<Connector>('/api/connectors/import', { method: 'POST', body });
  return { connector: data, etag: headers.get('etag') ?? etagOf(data.version) };
}

export function useImportConnector() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportConnector) => importConnector(api, body),
    onSuccess: (imported) => {
      queryClient.setQueryData(queryKeys.connectors.detail(imported.connector.id), imported);
      return queryClient.invalidateQueries({ queryKey: queryKeys.connectors.list, exact: true });
    },
  });
}
