import { useTranslation } from 'react-i18next';
import { PagedList } from '../../../components/paged-list.tsx';
import { Time } from '../../../components/time.tsx';
import { type AuditFilter, useAuditEvents } from '../api/get-audit-events.ts';

/** Audit events, newest first, a page at a time. */
export function AuditEventsTable({ filter }: { filter: AuditFilter }) {
  const { t } = useTranslation();
  return (
    <PagedList
      query={useAuditEvents(filter)}
      loadingLabel="Loading the audit log…"
      errorTitle="The audit log could not be loaded"
      empty="No audit events yet."
    >
      {(events) => (
        <table className="table" aria-label="Audit events">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Changed fields</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>
                  <Time value={event.createdAt} />
                </td>
                <td>
                  <code>{event.actor}</code>
                </td>
                <td>
                  <code>{event.action}</code>
                  {event.outcome !== 'succeeded' ? (
                    <span className={`badge ${event.outcome === 'failed' ? 'badge-red' : 'badge-amber'}`}>
                      {t(`auditOutcome.${event.outcome}`)}
                    </span>
                  ) : null}
                  {event.detail ? <div className="muted">{event.detail}</div> : null}
                </td>
                <td>{event.changes.length ? event.changes.join(', ') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PagedList>
  );
}
