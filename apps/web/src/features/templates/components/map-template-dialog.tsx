import type { UsageType } from '@smsdesk/shared/usage-types';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { useTemplates } from '../api/get-templates.ts';
import { useMapUsageType } from '../api/map-usage-type.ts';
import { isUsableByLogto, suggestedTemplate } from '../utils/template-form.ts';

/**
 * Maps a usage type to one of the account's approved single-{1} templates. It proposes what the check's fix
 * says ("it may be the same one as Generic"): a usable template another usage type already maps, else the
 * first usable one that is not mapped to this usage type now.
 */
export function MapTemplateDialog({
  connectorId,
  usageType,
  currentCode,
  onClose,
}: {
  connectorId: string;
  usageType: UsageType;
  currentCode?: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['templates', 'common']);
  const templates = useTemplates(connectorId);
  const map = useMapUsageType(connectorId);
  const usable = (templates.data?.items ?? []).filter(isUsableByLogto);
  const [choice, setChoice] = useState('');
  const suggested = suggestedTemplate(usable, currentCode ?? null);
  const selected = choice || suggested?.templateId || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    map.mutate({ usageType, templateCode: selected }, { onSuccess: () => onClose() });
  };

  return (
    <Dialog title={t('map.title', { usageType })} onClose={onClose}>
      {templates.isPending ? (
        <Loading label={t('map.loading')} />
      ) : templates.error ? (
        <ErrorNotice
          error={templates.error}
          title={t('map.loadFailed')}
          onRetry={() => void templates.refetch()}
        />
      ) : usable.length === 0 ? (
        <p className="empty">
          <Trans t={t} i18nKey="map.none" components={{ code: <code /> }} />
        </p>
      ) : (
        <form id="map-template-form" className="form" onSubmit={submit}>
          <Field label={t('map.template')} help={t('map.templateHelp')}>
            {(p) => (
              <select {...p} value={selected} onChange={(e) => setChoice(e.target.value)}>
                {usable.map((tpl) => (
                  <option key={tpl.templateId} value={tpl.templateId}>
                    {tpl.templateId} — {tpl.name}
                    {tpl.templateId === currentCode ? ` ${t('map.mappedNow')}` : ''}
                    {tpl.templateId === suggested?.templateId ? ` ${t('map.suggested')}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {usable.find((tpl) => tpl.templateId === selected) ? (
            <p className="preview">{usable.find((tpl) => tpl.templateId === selected)?.content}</p>
          ) : null}
        </form>
      )}
      <ErrorNotice error={map.error} title={t('map.notMapped')} />
      <div className="row dialog-actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={onClose} disabled={map.isPending}>
          {t('common:state.cancel')}
        </button>
        <button
          type="submit"
          form="map-template-form"
          className="button primary"
          disabled={map.isPending || !selected}
        >
          {t('map.submit')}
        </button>
      </div>
    </Dialog>
  );
}
