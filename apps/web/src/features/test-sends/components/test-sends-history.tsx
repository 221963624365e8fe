import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { Time } from '../../../components/time.tsx';
import { useTestSends } from '../api/get-test-sends.ts';

/** The connector's test sends, newest first, a page at a time. */
export function TestSendsHistory({ connectorId }: { connectorId: string }) {
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useTestSends({
    connectorId,
  });
  if (isPending) return <Loading label="Loading the test sends…" />;
  if (error && !data) return <ErrorNotice error={error} title="The test sends could not be loaded" />;
  const sends = data?.pages.flatMap((p) => p.items) ?? [];
  if (sends.length === 0) return <p className="empty">No test sends yet.</p>;
  return (
    <>
      <table className="table" aria-label="Test sends">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Number</th>
            <th scope="col">Usage type</th>
            <th scope="col">Mode</th>
            <th scope="col">Status</th>
            <th scope="col">Delivery</th>
            <th scope="col">Verified</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {sends.map((s) => (
            <tr key={s.id}>
              <td>
                <Time value={s.createdAt} />
              </td>
              <td>
                <code>{s.phoneNumberMasked}</code>
              </td>
              <td>{s.usageType}</td>
              <td>{s.mode === 'logto' ? 'Logto-exact' : 'smsdesk'}</td>
              <td>
                <span className={`badge ${s.status === 'sent' ? 'badge-green' : 'badge-red'}`}>
                  {s.status}
                </span>
                {s.status === 'failed' ? <div className="muted small">{s.tencent.code}</div> : null}
              </td>
              <td>
                <span
                  className={`badge ${
                    s.delivery.status === 'delivered'
                      ? 'badge-green'
                      : s.delivery.status === 'failed'
                        ? 'badge-red'
                        : 'badge-amber'
                  }`}
                >
                  {s.delivery.status}
                </span>
              </td>
              <td>
                {s.verified ? (
                  <span className="badge badge-green">yes</span>
                ) : (
                  <span className="muted">no</span>
                )}
              </td>
              <td>
                <code>{s.actor}</code>
              </td>
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
