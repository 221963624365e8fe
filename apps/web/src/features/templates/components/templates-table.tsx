import type { Template } from '@smsdesk/shared/schemas/templates';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isEditable } from '../utils/template-form.ts';
import { ReviewStatusBadge } from './review-status-badge.tsx';

/** The account's templates at Tencent, with what this connector maps to each. */
export function TemplatesTable({
  templates,
  canWrite,
  onEdit,
  onDelete,
}: {
  templates: readonly Template[];
  canWrite: boolean;
  onEdit: (template: Template) => void;
  onDelete: (template: Template) => void;
}) {
  const { t } = useTranslation('templates');
  const lockedId = useId();
  const lockedExplanation = t('table.locked');
  return (
    <>
      <span id={lockedId} hidden>
        {lockedExplanation}
      </span>
      <table className="table" aria-label={t('table.label')}>
        <thead>
          <tr>
            <th scope="col">{t('table.id')}</th>
            <th scope="col">{t('table.name')}</th>
            <th scope="col">{t('table.content')}</th>
            <th scope="col">{t('table.status')}</th>
            <th scope="col">{t('table.variables')}</th>
            <th scope="col">{t('table.mappedTo')}</th>
            <th scope="col">
              <span className="sr-only">{t('table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {templates.map((tpl) => {
            const editable = isEditable(tpl);
            return (
              <tr key={tpl.templateId} data-testid={`template-${tpl.templateId}`} data-status={tpl.status}>
                <td data-label={t('table.id')}>
                  <code>{tpl.templateId}</code>
                </td>
                <th scope="row" className="plain-th">
                  {tpl.name}
                </th>
                <td className="template-content" data-label={t('table.content')}>
                  {tpl.content}
                </td>
                <td data-label={t('table.status')}>
                  <ReviewStatusBadge status={tpl.status} reviewReply={tpl.reviewReply} />
                </td>
                <td data-label={t('table.variables')}>
                  <span className={tpl.variableCount === 1 ? undefined : 'warn-text'}>
                    {tpl.variableCount}
                  </span>
                </td>
                <td data-label={t('table.mappedTo')}>
                  {tpl.usageTypes.length ? (
                    tpl.usageTypes.map((u) => (
                      <span key={u} className="badge badge-grey usage-chip">
                        {u}
                      </span>
                    ))
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <div className="row tight">
                    <button
                      type="button"
                      className="button small"
                      disabled={!canWrite || !editable}
                      aria-describedby={editable ? undefined : lockedId}
                      title={editable ? undefined : lockedExplanation}
                      onClick={() => onEdit(tpl)}
                    >
                      {t('table.edit')}
                    </button>
                    <button
                      type="button"
                      className="button small danger"
                      disabled={!canWrite}
                      onClick={() => onDelete(tpl)}
                    >
                      {t('table.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
