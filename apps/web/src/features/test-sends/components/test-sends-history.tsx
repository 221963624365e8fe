import { PagedList } from '../../../components/paged-list.tsx';
import { Time } from '../../../components/time.tsx';
import { useTestSends } from '../api/get-test-sends.ts';

/** The connector's test sends, newest first, a page at a time. */
export function TestSendsHistory({ connectorId }: { connectorId: string }) {
  return (
    <PagedList
      query={useTestSends({ connectorId })}
      loadingLabel="Loading the test sends…"
      errorTitle="The test sends could not be loaded"
      empty="No test sends yet."
    >
      {(sends) => (
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
      )}
    </PagedList>
  );
}
