import type { TenantSmsConnector } from '@smsdesk/shared/schemas/logto-tenants';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

/** The tenant's SMS connector as Logto has it (the Tencent secret only as `accessKeySecretSet`). */
export function useTenantSmsConnector(tenantId: string | null) {
  const api = useApiClient();
  return useQuery({
    queryKey: queryKeys.logtoTenants.smsConnector(tenantId ?? ''),
    queryFn: ({ signal }) =>
      api
        .request<TenantSmsConnector>(
          `/api/logto-tenants/${encodeURIComponent(tenantId ?? '')}/sms-connector`,
          {
            signal,
          },
        )
        .then((r) => r.data),
    enabled: tenantId !== null,
    staleTime: 0,
    retry: false,
  });
}
