import type { Template } from '@smsdesk/shared/schemas/templates';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useDeleteTemplate } from '../api/delete-template.ts';

/** Deletes a template at Tencent; while a connector maps it the API refuses, and "Delete anyway" forces it. */
export function DeleteTemplateDialog({
  connectorId,
  template,
  onClose,
}: {
  connectorId: string;
  template: Template;
  onClose: () => void;
}) {
  const remove = useDeleteTemplate(connectorId);
  const inUse = remove.error instanceof ApiError && remove.error.code === 'TEMPLATE_IN_USE';
  return (
    <ConfirmDialog
      title={`Delete template “${template.name}”?`}
      confirmLabel={inUse ? 'Delete anyway' : 'Delete'}
      danger
      pending={remove.isPending}
      error={remove.error}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate({ templateId: template.templateId, force: inUse }, { onSuccess: () => onClose() })
      }
    >
      <p>
        This deletes template <code>{template.templateId}</code> at Tencent, for every application of the
        account. It cannot be undone.
      </p>
      {template.usageTypes.length ? (
        <div className="notice notice-warn">
          Still mapped on this connector to <strong>{template.usageTypes.join(', ')}</strong>: Logto fails
          with <code>template_not_found</code> for {template.usageTypes.length === 1 ? 'it' : 'them'} until
          another template is mapped.
        </div>
      ) : null}
      {inUse ? (
        <p className="muted">
          Deleting anyway leaves the mappings named above pointing at a template that no longer exists.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
