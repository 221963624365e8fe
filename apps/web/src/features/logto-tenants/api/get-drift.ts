import type { Drift } from '@smsdesk/shared/schemas/logto-tenants';
import { useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getDrift = (api: ApiClient, connectorId: string, tenantId: string, signal?: AbortSignal) =>
  api
    .request<Drift>(
      `/api/connectors/${encodeURIComponent(connectorId)}/drift?tenantId=${encodeURIComponent(tenantId)}`,
      { signal },
    )
    .then((r) => r.data);

/** The drift is read again when the profile's version changes (a saved profile changes it). */
export function useDrift(connectorId: string, tenantId: string | null, connectorVersion: number) {
  const api = useApiClient();
  return useQuery({
    queryKey: [...queryKeys.logtoTenants.drift(connectorId, tenantId ?? ''), connectorVersion],
    queryFn: ({ signal }) => getDrift(api, connectorId, tenantId ?? '', signal),
    enabled: tenantId !== null,
    // What Logto has can change in its Console at any time: read it again whenever the tab is shown.
    staleTime: 0,
    retry: false,
  });
}
