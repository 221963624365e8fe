import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

/** A new profile from the tenant's Tencent connector; the secret travels server-side only. */
export const importFromTenant = (api: ApiClient, tenantId: string, name: string) =>
  api
    .request<Connector>(`/api/logto-tenants/${encodeURIComponent(tenantId)}/sms-connector/import`, {
      method: 'POST',
      body: { name },
    })
    .then((r) => r.data);

export function useImportFromTenant() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tenantId, name }: { tenantId: string; name: string }) =>
      importFromTenant(api, tenantId, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connectors.list, exact: true }),
  });
}
