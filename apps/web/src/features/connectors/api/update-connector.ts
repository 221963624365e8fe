import type { Connector, UpdateConnector } from '@smsdesk/shared/schemas/connectors';
import { etagOf } from '@smsdesk/shared/etag';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import type { VersionedConnector } from './get-connector.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface UpdateConnectorInput {
  id: string;
  /** The ETag of the version the user edited: a newer version on the server answers 412. */
  etag: string;
  body: UpdateConnector;
}

export async function updateConnector(
  api: ApiClient,
  { id, etag, body }: UpdateConnectorInput,
): Promise<VersionedConnector> {
  const { data, headers } = await api.request<Connector>(`/api/connectors/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    headers: { 'if-match': etag },
    body,
  });
  return { connector: data, etag: headers.get('etag') ?? etagOf(data.version) };
}

export function useUpdateConnector() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateConnectorInput) => updateConnector(api, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.connectors.detail(updated.connector.id), updated);
      return queryClient.invalidateQueries({ queryKey: queryKeys.connectors.list, exact: true });
    },
  });
}
