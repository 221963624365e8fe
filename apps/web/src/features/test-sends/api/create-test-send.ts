import type { CreateTestSend, TestSend } from '@smsdesk/shared/schemas/test-sends';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Sends a real code; a Tencent refusal is a 201 with `status: 'failed'`, not an error. */
export const createTestSend = (api: ApiClient, connectorId: string, body: CreateTestSend) =>
  api
    .request<TestSend>(`/api/connectors/${encodeURIComponent(connectorId)}/test-sends`, {
      method: 'POST',
      body,
    })
    .then((r) => r.data);

export function useCreateTestSend(connectorId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTestSend) => createTestSend(api, connectorId, body),
    onSuccess: (sent) => {
      queryClient.setQueryData(queryKeys.testSends.item(sent.id), sent);
    },
    // A refusal can be recorded too (a Logto-exact TEMPLATE_NOT_FOUND is in the history): re-read either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.testSends.lists }),
  });
}
