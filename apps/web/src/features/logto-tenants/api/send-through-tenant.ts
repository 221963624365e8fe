import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export type TenantMode = 'logto-test' | 'logto-live';

export interface TenantSendInput {
  connectorId: string;
  tenantId: string;
  mode: TenantMode;
  phoneNumber: string;
  country?: string;
}

/** A test send through the tenant (Logto sends Generic there); a refusal by Logto is a `failed` send. */
export const sendThroughTenant = (api: ApiClient, { connectorId, ...body }: TenantSendInput) =>
  api
    .request<TestSend>(`/api/connectors/${encodeURIComponent(connectorId)}/test-sends`, {
      method: 'POST',
      body: { ...body, usageType: 'Generic' },
    })
    .then((r) => r.data);

export const verifyTenantSend = (api: ApiClient, id: string, code: string) =>
  api
    .request<{ verified: true }>(`/api/test-sends/${encodeURIComponent(id)}/verify`, {
      method: 'POST',
      body: { code },
    })
    .then((r) => r.data);

export function useSendThroughTenant() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TenantSendInput) => sendThroughTenant(api, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.testSends.lists }),
  });
}

export function useVerifyTenantSend() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, code }: { id: string; code: string }) => verifyTenantSend(api, id, code),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.testSends.lists }),
  });
}
