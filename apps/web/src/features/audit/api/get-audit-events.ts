import type { AuditPage } from '@smsdesk/shared/schemas/audit';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';

export interface AuditFilter {
  connectorId?: string;
  limit?: number;
}

export function getAuditEvents(
  api: ApiClient,
  filter: AuditFilter & { cursor?: string },
  signal?: AbortSignal,
) {
  const query = new URLSearchParams();
  if (filter.connectorId) query.set('connectorId', filter.connectorId);
  if (filter.cursor) query.set('cursor', filter.cursor);
  if (filter.limit) query.set('limit', String(filter.limit));
  const qs = query.toString();
  return api.get<AuditPage>(`/api/audit-events${qs ? `?${qs}` : ''}`, signal);
}

// Every change elsewhere adds events: always refetch when the list is shown again.
export const auditEventsQueryOptions = (api: ApiClient, filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ['audit-events', filter] as const,
    queryFn: ({ pageParam, signal }) => getAuditEvents(api, { ...filter, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery(auditEventsQueryOptions(useApiClient(), filter));
}
