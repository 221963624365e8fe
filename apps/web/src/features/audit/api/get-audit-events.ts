import type { AuditPage } from '@smsdesk/shared/schemas/audit';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { cursorPagedQueryOptions, pagedPath } from '../../../lib/paged-query.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface AuditFilter {
  connectorId?: string;
  limit?: number;
}

export function getAuditEvents(
  api: ApiClient,
  filter: AuditFilter & { cursor?: string },
  signal?: AbortSignal,
) {
  const { connectorId, cursor, limit } = filter;
  return api.get<AuditPage>(pagedPath('/api/audit-events', { connectorId, cursor, limit }), signal);
}

export const auditEventsQueryOptions = (api: ApiClient, filter: AuditFilter) =>
  cursorPagedQueryOptions(queryKeys.audit.list(filter), (cursor, signal) =>
    getAuditEvents(api, { ...filter, cursor }, signal),
  );

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery(auditEventsQueryOptions(useApiClient(), filter));
}
