import type { CallbackUrl } from '@smsdesk/shared/schemas/callbacks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

const path = (id: string) => `/api/connectors/${encodeURIComponent(id)}`;

export const getCallbackUrl = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.get<CallbackUrl>(`${path(id)}/callback`, signal);

export const rotateCallbackToken = (api: ApiClient, id: string): Promise<CallbackUrl> =>
  api.request<CallbackUrl>(`${path(id)}/callback-token`, { method: 'POST' }).then((r) => r.data);

export function useCallbackUrl(id: string, enabled = true) {
  const api = useApiClient();
  return useQuery({
    queryKey: queryKeys.connectors.callback(id),
    queryFn: ({ signal }) => getCallbackUrl(api, id, signal),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRotateCallbackToken(id: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => rotateCallbackToken(api, id),
    onSuccess: (answer) => queryClient.setQueryData<CallbackUrl>(queryKeys.connectors.callback(id), answer),
  });
}
