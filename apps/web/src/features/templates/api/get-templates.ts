import type { TemplateList } from '@smsdesk/shared/schemas/templates';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

// Under the connector's key: changing the connector (its mapping) refreshes the templates' usage types too.
export const getTemplates = (api: ApiClient, connectorId: string, signal?: AbortSignal) =>
  api.get<TemplateList>(`/api/connectors/${encodeURIComponent(connectorId)}/templates`, signal);

export const templatesQueryOptions = (api: ApiClient, connectorId: string) =>
  queryOptions({
    queryKey: queryKeys.connectors.templates(connectorId),
    queryFn: ({ signal }) => getTemplates(api, connectorId, signal),
  });

export function useTemplates(connectorId: string, enabled = true) {
  return useQuery({ ...templatesQueryOptions(useApiClient(), connectorId), enabled });
}
