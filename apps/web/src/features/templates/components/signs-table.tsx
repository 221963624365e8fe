import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { useSigns } from '../api/get-signs.ts';
import { ReviewStatusBadge } from './review-status-badge.tsx';

/** The account's SMS signatures; the connector's sign name must be one of the approved ones. */
export function SignsTable({ connectorId, signName }: { connectorId: string; signName: string }) {
  const { data, error, isPending } = useSigns(connectorId);
  if (isPending) return <Loading label="Loading the signatures…" />;
  if (error) return <ErrorNotice error={error} title="The signatures could not be loaded" />;
  if (data.items.length === 0) {
    return (
      <p className="empty">No signatures on this account. Apply for one in the Tencent Cloud console.</p>
    );
  }
  const used = data.items.find((s) => s.signName === signName);
  return (
    <>
      {used ? null : (
        <div className="notice notice-warn">
          The connector's sign name <strong>{signName}</strong> is not among this account's signatures:
          Tencent refuses every send with <code>FailedOperation.SignatureIncorrectOrUnapproved</code>.
        </div>
      )}
      <table className="table" aria-label="Signatures">
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">Signature</th>
            <th scope="col">Status</th>
            <th scope="col">Numbers</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((s) => (
            <tr key={s.signId} data-status={s.status}>
              <td>
                <code>{s.signId}</code>
              </td>
              <th scope="row" className="plain-th">
                {s.signName}{' '}
                {s.signName === signName ? <span className="badge badge-grey">this connector</span> : null}
              </th>
              <td>
                <ReviewStatusBadge status={s.status} reviewReply={s.reviewReply} />
              </td>
              <td>{s.international ? 'International' : 'Mainland China'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
