import type { UsageType } from '@smsdesk/shared/usage-types';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { useTemplates } from '../api/get-templates.ts';
import { useMapUsageType } from '../api/map-usage-type.ts';
import { isUsableByLogto } from '../utils/template-form.ts';

/** Maps a usage type to one of the account's approved single-{1} templates. */
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
  const templates = useTemplates(connectorId);
  const map = useMapUsageType(connectorId);
  const usable = (templates.data?.items ?? []).filter(isUsableByLogto);
  const [choice, setChoice] = useState('');
  const selected = choice || usable.find((t) => t.templateId !== currentCode)?.templateId || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    map.mutate({ usageType, templateCode: selected }, { onSuccess: () => onClose() });
  };

  return (
    <Dialog title={`Map a template to ${usageType}`} onClose={onClose}>
      {templates.isPending ? (
        <Loading label="Loading the templates…" />
      ) : templates.error ? (
        <ErrorNotice error={templates.error} title="The templates could not be loaded" />
      ) : usable.length === 0 ? (
        <p className="empty">
          No approved template with exactly one variable, <code>{'{1}'}</code>, on this account yet: create
          one and wait for Tencent's approval.
        </p>
      ) : (
        <form id="map-template-form" className="form" onSubmit={submit}>
          <Field label="Template" help="Approved templates with exactly one variable, {1}">
            {(p) => (
              <select {...p} value={selected} onChange={(e) => setChoice(e.target.value)}>
                {usable.map((t) => (
                  <option key={t.templateId} value={t.templateId}>
                    {t.templateId} — {t.name}
                    {t.templateId === currentCode ? ' (mapped now)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {usable.find((t) => t.templateId === selected) ? (
            <p className="preview">{usable.find((t) => t.templateId === selected)?.content}</p>
          ) : null}
        </form>
      )}
      <ErrorNotice error={map.error} title="Not mapped" />
      <div className="row dialog-actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={onClose} disabled={map.isPending}>
          Cancel
        </button>
        <button
          type="submit"
          form="map-template-form"
          className="button primary"
          disabled={map.isPending || !selected}
        >
          Map template
        </button>
      </div>
    </Dialog>
  );
}
