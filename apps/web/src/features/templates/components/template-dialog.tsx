import type { Template, TemplateInput } from '@smsdesk/shared/schemas/templates';
import type { UsageType } from '@smsdesk/shared/usage-types';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { useCreateTemplate } from '../api/create-template.ts';
import { useMapUsageType } from '../api/map-usage-type.ts';
import { useUpdateTemplate } from '../api/update-template.ts';
import { emptyTemplateValues, type TemplateFormValues, templateValuesOf } from '../utils/template-form.ts';
import { TemplateForm } from './template-form.tsx';

export interface TemplateDialogProps {
  connectorId: string;
  signName: string;
  international: boolean;
  /** Edit this template; absent to create one. */
  template?: Template;
  /** Create only: the values to start from. */
  initial?: TemplateFormValues;
  /** Create only: map the new template to this usage type of the connector once Tencent accepted it. */
  mapTo?: UsageType;
  onClose: () => void;
  onSaved?: (template: Template) => void;
}

/** Creates (and optionally maps) or edits a template; the form checks the content as the user types. */
export function TemplateDialog({
  connectorId,
  signName,
  international,
  template,
  initial,
  mapTo,
  onClose,
  onSaved,
}: TemplateDialogProps) {
  const { t } = useTranslation(['templates', 'common']);
  const create = useCreateTemplate(connectorId);
  const update = useUpdateTemplate(connectorId);
  const map = useMapUsageType(connectorId);
  // Created at Tencent but the mapping failed: creating again would make a duplicate, so retry the mapping only.
  const [unmapped, setUnmapped] = useState<Template | null>(null);

  const finish = (saved: Template) => {
    onSaved?.(saved);
    onClose();
  };

  const mapThenFinish = async (created: Template) => {
    if (!mapTo) return finish(created);
    try {
      await map.mutateAsync({ usageType: mapTo, templateCode: created.templateId });
      finish(created);
    } catch {
      setUnmapped(created);
    }
  };

  const submit = async (body: TemplateInput) => {
    if (template) {
      finish(await update.mutateAsync({ templateId: template.templateId, body }));
      return;
    }
    await mapThenFinish(await create.mutateAsync(body));
  };

  const title = template
    ? t('dialog.editTitle', { templateId: template.templateId })
    : mapTo
      ? t('dialog.newForTitle', { usageType: mapTo })
      : t('dialog.newTitle');

  return (
    <Dialog title={title} onClose={onClose}>
      {mapTo && !template ? (
        <p className="muted">
          <Trans
            t={t}
            i18nKey="dialog.mapNote"
            values={{ usageType: mapTo }}
            components={{ code: <code /> }}
          />
        </p>
      ) : null}
      {template?.status === 'rejected' && template.reviewReply ? (
        <div className="notice notice-warn">
          <strong>{t('dialog.review')} </strong>
          {template.reviewReply}
        </div>
      ) : null}
      {unmapped && mapTo ? (
        <>
          <ErrorNotice
            error={map.error}
            title={t('dialog.createdNotMapped', { templateId: unmapped.templateId, usageType: mapTo })}
          />
          <div className="row dialog-actions">
            <span className="spacer" />
            <button type="button" className="button" onClick={onClose} disabled={map.isPending}>
              {t('common:state.close')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={map.isPending}
              onClick={() => void mapThenFinish(unmapped)}
            >
              {t('dialog.tryMappingAgain')}
            </button>
          </div>
        </>
      ) : (
        <TemplateForm
          initial={template ? templateValuesOf(template) : (initial ?? emptyTemplateValues())}
          signName={signName}
          international={international}
          forLogto={mapTo ? true : undefined}
          submitLabel={template ? t('dialog.save') : t('dialog.create')}
          onSubmit={submit}
          onCancel={onClose}
        />
      )}
    </Dialog>
  );
}
