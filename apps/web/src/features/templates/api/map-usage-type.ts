import type { Connector, TemplateMapping } from '@smsdesk/shared/schemas/connectors';
import { etagOf } from '@smsdesk/shared/etag';
import type { UsageType } from '@smsdesk/shared/usage-types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface MapUsageTypeInput {
  usageType: UsageType;
  templateCode: string;
}

/** The connector's mapping with one usage type pointed at a template (added or replaced). */
export function withMapping(
  templates: readonly TemplateMapping[],
  input: MapUsageTypeInput,
): TemplateMapping[] {
  return [
    ...templates.filter((t) => t.usageType !== input.usageType),
    { usageType: input.usageType, templateCode: input.templateCode },
  ];
}

/**
 * Maps a usage type to a template: reads the connector fresh for its ETag and current mapping, then PATCHes
 * the whole templates array with If-Match, so a concurrent edit answers 412 instead of being overwritten.
 */
export async function mapUsageType(
  api: ApiClient,
  connectorId: string,
  input: MapUsageTypeInput,
): Promise<Connector> {
  const path = `/api/connectors/${encodeURIComponent(connectorId)}`;
  const current = await api.request<Connector>(path);
  const etag = current.headers.get('etag') ?? etagOf(current.data.version);
  const updated = await api.request<Connector>(path, {
    method: 'PATCH',
    headers: { 'if-match': etag },
    body: { templates: withMapping(current.data.templates, input) },
  });
  return updated.data;
}

export function useMapUsageType(connectorId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MapUsageTypeInput) => mapUsageType(api, connectorId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.connectors.detail(connectorId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.connectors.list, exact: true }),
      ]),
  });
}
