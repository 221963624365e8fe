import { etagOf } from '@smsdesk/shared/etag';
import type {
  CreateLogtoTenant,
  LogtoTenant,
  UpdateLogtoTenant,
} from '@smsdesk/shared/schemas/logto-tenants';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

/** A new tenant (the API gets a token and reads the Tencent factory first) or a change with If-Match. */
export type SaveTenantInput =
  | { kind: 'create'; body: CreateLogtoTenant }
  | { kind: 'update'; tenant: LogtoTenant; body: UpdateLogtoTenant };

export async function saveTenant(api: ApiClient, input: SaveTenantInput): Promise<LogtoTenant> {
  if (input.kind === 'create') {
    return (await api.request<LogtoTenant>('/api/logto-tenants', { method: 'POST', body: input.body })).data;
  }
  const { data } = await api.request<LogtoTenant>(
    `/api/logto-tenants/${encodeURIComponent(input.tenant.id)}`,
    {
      method: 'PATCH',
      headers: { 'if-match': etagOf(input.tenant.version) },
      body: input.body,
    },
  );
  return data;
}

export function useSaveTenant() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveTenantInput) => saveTenant(api, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.logtoTenants.all }),
  });
}
