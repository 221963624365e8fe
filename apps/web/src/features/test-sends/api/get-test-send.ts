import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export const getTestSend = (api: ApiClient, id: string, signal?: AbortSignal) =>
  api.get<TestSend>(`/api/test-sends/${encodeURIComponent(id)}`, signal);

export const deliveryPollMs = 2000;

/** Still waiting for Tencent's delivery report: a sent message whose report has not come in. */
export const awaitingDelivery = (send: TestSend | undefined) =>
  send?.status === 'sent' && send.delivery.status === 'pending';

// The API refreshes the delivery report from Tencent on each read while pending: poll until it is final.
export const testSendQueryOptions = (api: ApiClient, id: string) =>
  queryOptions({
    queryKey: queryKeys.testSends.item(id),
    queryFn: ({ signal }) => getTestSend(api, id, signal),
    refetchInterval: (query) => (awaitingDelivery(query.state.data) ? deliveryPollMs : false),
    staleTime: 0,
  });

export function useTestSend(id: string) {
  return useQuery(testSendQueryOptions(useApiClient(), id));
}
