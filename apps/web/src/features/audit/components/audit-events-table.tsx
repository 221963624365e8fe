import type { AuditEvent } from '@smsdesk/shared/schemas/audit';
import { useTranslation } from 'react-i18next';
import { ActorName } from '../../../components/actor-name.tsx';
import { PagedList } from '../../../components/paged-list.tsx';
import { Time } from '../../../components/time.tsx';
import { translate } from '../../../lib/translate.ts';
import { type AuditFilter, useAuditEvents } from '../api/get-audit-events.ts';
import { mappingDiffOf } from '../utils/mapping-diff.ts';

/** "Exported the Logto JSON": an action this build does not know yet shows as the API names it. */
export const actionName = (action: string) => translate(`audit:actions.${action}`, { defaultValue: action });
const fieldName = (field: string) => translate(`audit:fields.${field}`, { defaultValue: field });

/** What changed: the fields by name, and the template mapping as old → new per usage type. */
function Changes({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  const diff = event.action === 'connector.updated' ? mappingDiffOf(event.detail) : null;
  return (
    <>
      {event.changes.length ? (
        <ul className="chips">
          {event.changes.map((field) => (
            <li key={field} className="badge badge-grey" data-field={field}>
              {fieldName(field)}
            </li>
          ))}
        </ul>
      ) : diff ? null : (
        <span className="muted">{t('table.nothing')}</span>
      )}
      {diff ? (
        <table className="diff" data-testid="audit-diff">
          <tbody>
            {diff.map((row) => (
              <tr key={row.usageType}>
                <th scope="row">{row.usageType}</th>
                <td>
                  <del>{row.before ? <code>{row.before}</code> : t('diff.none')}</del>
                  <span aria-hidden="true"> → </span>
                  <ins>{row.after ? <code>{row.after}</code> : t('diff.none')}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/** Audit events, newest first, a page at a time. */
export function AuditEventsTable({ filter }: { filter: AuditFilter }) {
  const { t } = useTranslation('audit');
  return (
    <PagedList
      query={useAuditEvents(filter)}
      loadingLabel={t('table.loading')}
      errorTitle={t('table.loadFailed')}
      empty={t('table.empty')}
    >
      {(events) => (
        <table className="table stack" aria-label={t('table.label')}>
          <thead>
            <tr>
              <th scope="col">{t('table.when')}</th>
              <th scope="col">{t('table.who')}</th>
              <th scope="col">{t('table.action')}</th>
              <th scope="col">{t('table.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} data-action={event.action}>
                <td data-label={t('table.when')}>
                  <Time value={event.createdAt} />
                </td>
                <td data-label={t('table.who')}>
                  <ActorName sub={event.actor} />
                </td>
                <td data-label={t('table.action')}>
                  <span title={event.action}>{actionName(event.action)}</span>
                  {event.outcome !== 'succeeded' ? (
                    <span className={`badge ${event.outcome === 'failed' ? 'badge-red' : 'badge-amber'}`}>
                      {t(`outcome.${event.outcome}`)}
                    </span>
                  ) : null}
                  {event.detail && !mappingDiffOf(event.detail) ? (
                    <div className="muted small">{event.detail}</div>
                  ) : null}
                </td>
                <td data-label={t('table.changes')}>
                  <Changes event={event} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PagedList>
  );
}
