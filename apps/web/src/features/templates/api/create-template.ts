import type { Template, TemplateInput } from '@smsdesk/shared/schemas/templates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export const createTemplate = (api: ApiClient, connectorId: string, body: TemplateInput) =>
  api
    .request<Template>(`/api/connectors/${encodeURIComponent(connectorId)}/templates`, {
      method: 'POST',
      body,
    })
    .then((r) => r.data);

export function useCreateTemplate(connectorId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateInput) => createTemplate(api, connectorId, body),
    // The templates list and the check both change; the connector itself does not.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connectors.detail(connectorId) }),
  });
}
