import type { ConnectorList } from '@smsdesk/shared/schemas/connectors';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

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
      queryClient.removeQueries({ queryKey: queryKeys.connectors.detail(id) });
      queryClient.setQueryData<ConnectorList>(queryKeys.connectors.list, (list) =>
        list ? { items: list.items.filter((c) => c.id !== id) } : list,
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.connectors.list, exact: true });
    },
  });
}
