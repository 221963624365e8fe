import type { ConnectorList } from '@smsdesk/shared/schemas/connectors';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { connectorKey } from './get-connector.ts';
import { connectorsKey } from './get-connectors.ts';

export const deleteConnector = (api: ApiClient, id: string) =>
  api.request<null>(`/api/connectors/${encodeURIComponent(id)}`, { method: 'DELETE' }).then(() => undefined);

export function useDeleteConnector() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteConnector(api, id),
    onSuccess: (_, id) => {
      // Removed, not invalidated: a refetch of the gone connector would only answer 404. The list drops it at
      // once, so the page navigated to never shows it for a moment before its refetch.
      queryClient.removeQueries({ queryKey: connectorKey(id) });
      queryClient.setQueryData<ConnectorList>(connectorsKey, (list) =>
        list ? { items: list.items.filter((c) => c.id !== id) } : list,
      );
      return queryClient.invalidateQueries({ queryKey: connectorsKey, exact: true });
    },
  });
}
