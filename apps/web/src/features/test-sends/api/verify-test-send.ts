import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiClient, isApiError } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface VerifyTestSendInput {
  id: string;
  code: string;
}

/** `{ verified: true }`, or 422 CODE_MISMATCH (details.attemptsLeft, 0 after the fifth), CODE_EXPIRED, CODE_ATTEMPTS_EXHAUSTED. */
export const verifyTestSend = (api: ApiClient, { id, code }: VerifyTestSendInput) =>
  api
    .request<{ verified: true }>(`/api/test-sends/${encodeURIComponent(id)}/verify`, {
      method: 'POST',
      body: { code },
    })
    .then((r) => r.data);

/** The attempts left after a mismatch, when the API said so. */
export function attemptsLeftOf(error: unknown): number | null {
  // A mismatch counts down; a wrong code after a success (409) still takes an attempt.
  if (isApiError(error, 'CODE_MISMATCH', 'CODE_ATTEMPTS_EXHAUSTED'))
    return error.details?.attemptsLeft ?? null;
  if (isApiError(error, 'CONFLICT')) return error.details?.attemptsLeft ?? null;
  return null;
}

export function useVerifyTestSend() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  const patch = (id: string, change: Partial<TestSend>) =>
    queryClient.setQueryData<TestSend>(queryKeys.testSends.item(id), (old) =>
      old ? { ...old, ...change } : old,
    );
  return useMutation({
    mutationFn: (input: VerifyTestSendInput) => verifyTestSend(api, input),
    onSuccess: async (_, { id }) => {
      // A delivery poll in flight would answer the state from before the verification: drop it first.
      await queryClient.cancelQueries({ queryKey: queryKeys.testSends.item(id) });
      patch(id, { verified: true });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.testSends.item(id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.testSends.lists }),
      ]);
    },
    onError: (error, { id }) => {
      const left = attemptsLeftOf(error);
      if (left !== null) patch(id, { verifyAttemptsLeft: left });
      if (isApiError(error, 'CODE_ATTEMPTS_EXHAUSTED')) patch(id, { verifyAttemptsLeft: 0 });
    },
  });
}
