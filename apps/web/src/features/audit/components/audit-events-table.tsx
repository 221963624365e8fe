import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { Time } from '../../../components/time.tsx';
import { type AuditFilter, useAuditEvents } from '../api/get-audit-events.ts';

/** Audit events, newest first, a page at a time. */
export function AuditEventsTable({ filter }: { filter: AuditFilter }) {
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useAuditEvents(filter);
  if (isPending) return <Loading label="Loading the audit log…" />;
  if (error && !data) return <ErrorNotice error={error} title="The audit log could not be loaded" />;
  const events = data?.pages.flatMap((p) => p.items) ?? [];
  if (events.length === 0) return <p className="empty">No audit events yet.</p>;
  return (
    <>
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
                {event.detail ? <div className="muted">{event.detail}</div> : null}
              </td>
              <td>{event.changes.length ? event.changes.join(', ') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNotice error={error} />
      {hasNextPage ? (
        <button
          type="button"
          className="button"
          disabled={isFetchingNextPage}
          onClick={() => void fetchNextPage()}
        >
          {isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </>
  );
}
