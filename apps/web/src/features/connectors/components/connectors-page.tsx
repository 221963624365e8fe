import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { Time } from '../../../components/time.tsx';
import { useConnectors } from '../api/get-connectors.ts';
import { RegionBadge, RequiredMappedBadge } from './connector-badges.tsx';
import { ImportDialog } from './import-dialog.tsx';
import { useAccess } from '../../../lib/access.ts';

export function ConnectorsPage() {
  const { data, error, isPending, refetch } = useConnectors();
  const { can: canWrite, readOnly } = useAccess('write:connectors');
  const [importing, setImporting] = useState(false);

  const actions = (
    <>
      {canWrite ? (
        <Link to="/connectors/new" className="button primary">
          Create connector
        </Link>
      ) : (
        <button type="button" className="button primary" disabled>
          Create connector
        </button>
      )}
      <button type="button" className="button" disabled={!canWrite} onClick={() => setImporting(true)}>
        Import Logto JSON
      </button>
    </>
  );

  return (
    <section className="panel">
      <div className="row">
        <h1>Connectors</h1>
        <span className="spacer" />
        {data?.items.length ? actions : null}
      </div>
      {readOnly ? <ReadOnlyHint /> : null}
      {isPending ? <Loading label="Loading connectors…" /> : null}
      {error ? (
        <>
          <ErrorNotice error={error} title="The connectors could not be loaded" />
          <button type="button" className="button" onClick={() => void refetch()}>
            Try again
          </button>
        </>
      ) : null}
      {data && data.items.length === 0 ? (
        <div className="empty-state">
          <p className="empty">No connectors yet</p>
          <p className="help">
            Create a connector profile from your Tencent Cloud SMS settings, or paste the JSON of a Logto
            Tencent SMS connector you already run.
          </p>
          <div className="row">{actions}</div>
        </div>
      ) : null}
      {data?.items.length ? (
        <table className="table" aria-label="Connectors">
          <thead>
            <tr>
              <th>Name</th>
              <th>Sign</th>
              <th>Region</th>
              <th>Numbers</th>
              <th>SDK app id</th>
              <th>Templates</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/connectors/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c.signName}</td>
                <td>
                  <code>{c.region}</code>
                </td>
                <td>
                  <RegionBadge international={c.international} />
                </td>
                <td>
                  <code>{c.sdkAppId}</code>
                </td>
                <td>
                  <RequiredMappedBadge templates={c.templates} />
                </td>
                <td>
                  <Time value={c.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </section>
  );
}
