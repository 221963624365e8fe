import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface DeleteTemplateInput {
  templateId: string;
  /** Delete even while a connector maps it (the API answers 409 TEMPLATE_IN_USE otherwise). */
  force?: boolean;
}

export const deleteTemplate = (
  api: ApiClient,
  connectorId: string,
  { templateId, force }: DeleteTemplateInput,
) =>
  api
    .request<null>(
      `/api/connectors/${encodeURIComponent(connectorId)}/templates/${encodeURIComponent(templateId)}${
        force ? '?force=true' : ''
      }`,
      { method: 'DELETE' },
    )
    .then(() => undefined);

export function useDeleteTemplate(connectorId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeleteTemplateInput) => deleteTemplate(api, connectorId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connectors.detail(connectorId) }),
  });
}
