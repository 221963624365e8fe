import type { Template } from '@smsdesk/shared/schemas/templates';
import { useId } from 'react';
import { isEditable } from '../utils/template-form.ts';
import { ReviewStatusBadge } from './review-status-badge.tsx';

const lockedExplanation =
  'Tencent does not allow changing a template once approved: create a new one and map it instead.';

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
  const lockedId = useId();
  return (
    <>
      <span id={lockedId} hidden>
        {lockedExplanation}
      </span>
      <table className="table" aria-label="Templates">
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">Name</th>
            <th scope="col">Content</th>
            <th scope="col">Status</th>
            <th scope="col">Variables</th>
            <th scope="col">Mapped to</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => {
            const editable = isEditable(t);
            return (
              <tr key={t.templateId} data-testid={`template-${t.templateId}`} data-status={t.status}>
                <td>
                  <code>{t.templateId}</code>
                </td>
                <th scope="row" className="plain-th">
                  {t.name}
                </th>
                <td className="template-content">{t.content}</td>
                <td>
                  <ReviewStatusBadge status={t.status} reviewReply={t.reviewReply} />
                </td>
                <td>
                  <span className={t.variableCount === 1 ? undefined : 'warn-text'}>{t.variableCount}</span>
                </td>
                <td>
                  {t.usageTypes.length ? (
                    t.usageTypes.map((u) => (
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
                      onClick={() => onEdit(t)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button small danger"
                      disabled={!canWrite}
                      onClick={() => onDelete(t)}
                    >
                      Delete
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
