import type { LogtoTenantVerification } from '@smsdesk/shared/schemas/logto-tenants';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The connection test: a Management API token, then the Tencent connector factory. */
export const verifyTenant = (api: ApiClient, id: string) =>
  api
    .request<LogtoTenantVerification>(`/api/logto-tenants/${encodeURIComponent(id)}/verify`, {
      method: 'POST',
    })
    .then((r) => r.data);

export function useVerifyTenant() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => verifyTenant(api, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.logtoTenants.list, exact: true }),
  });
}
