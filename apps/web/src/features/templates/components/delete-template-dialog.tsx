import type { Template } from '@smsdesk/shared/schemas/templates';
import { Trans, useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { isApiError } from '../../../lib/api-client.ts';
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
  const { t } = useTranslation('templates');
  const remove = useDeleteTemplate(connectorId);
  const inUse = isApiError(remove.error, 'TEMPLATE_IN_USE');
  return (
    <ConfirmDialog
      title={t('delete.title', { name: template.name })}
      confirmLabel={inUse ? t('delete.confirmAnyway') : t('delete.confirm')}
      danger
      pending={remove.isPending}
      error={remove.error}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate({ templateId: template.templateId, force: inUse }, { onSuccess: () => onClose() })
      }
    >
      <p>
        <Trans
          t={t}
          i18nKey="delete.body"
          values={{ templateId: template.templateId }}
          components={{ code: <code /> }}
        />
      </p>
      {template.usageTypes.length ? (
        <div className="notice notice-warn">
          <Trans
            t={t}
            i18nKey="delete.stillMapped"
            count={template.usageTypes.length}
            values={{ usageTypes: template.usageTypes.join(', ') }}
            components={{ strong: <strong />, code: <code /> }}
          />
        </div>
      ) : null}
      {inUse ? <p className="muted">{t('delete.anywayNote')}</p> : null}
    </ConfirmDialog>
  );
}
