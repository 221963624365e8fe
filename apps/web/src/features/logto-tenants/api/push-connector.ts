import type { PushResult } from '@smsdesk/shared/schemas/logto-tenants';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface PushInput {
  connectorId: string;
  /** The profile's ETag: the push is refused (412) when the profile changed since it was shown. */
  etag: string;
  tenantId: string;
  replaceExisting?: boolean;
}

export const pushConnector = (api: ApiClient, { connectorId, etag, tenantId, replaceExisting }: PushInput) =>
  api
    .request<PushResult>(`/api/connectors/${encodeURIComponent(connectorId)}/push`, {
      method: 'POST',
      headers: { 'if-match': etag },
      body: { tenantId, ...(replaceExisting ? { replaceExisting: true } : {}) },
    })
    .then((r) => r.data);

export function usePushConnector() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PushInput) => pushConnector(api, input),
    onSettled: (_result, _error, input) =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: queryKeys.logtoTenants.drift(input.connectorId, input.tenantId),
        }),
        queryClient.invalidateQueries({ queryKey: queryKeys.logtoTenants.smsConnector(input.tenantId) }),
      ]),
  });
}
