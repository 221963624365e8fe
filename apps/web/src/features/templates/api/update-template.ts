import type { Template, TemplateInput } from '@smsdesk/shared/schemas/templates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.ts';
import { useApiClient } from '../../../lib/api-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface UpdateTemplateInput {
  templateId: string;
  body: TemplateInput;
}

/** Tencent allows it only under review or rejected: an approved one answers 409 TEMPLATE_LOCKED. */
export const updateTemplate = (
  api: ApiClient,
  connectorId: string,
  { templateId, body }: UpdateTemplateInput,
) =>
  api
    .request<Template>(
      `/api/connectors/${encodeURIComponent(connectorId)}/templates/${encodeURIComponent(templateId)}`,
      { method: 'PUT', body },
    )
    .then((r) => r.data);

export function useUpdateTemplate(connectorId: string) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateTemplateInput) => updateTemplate(api, connectorId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connectors.detail(connectorId) }),
  });
}
