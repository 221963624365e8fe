import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export const deleteTenant = (api: ApiClient, id: string) =>
  api
    .request<null>(`/api/logto-tenants/${encodeURIComponent(id)}`, { method: 'DELETE' })
    .then(() => undefined);

export function useDeleteTenant() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteTenant(api, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.logtoTenants.all }),
  });
}
