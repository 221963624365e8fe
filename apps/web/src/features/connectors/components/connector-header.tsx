import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { useDeleteConnector } from '../api/delete-connector.ts';
import { RegionBadge, RequiredMappedBadge } from './connector-badges.tsx';
import { useAccess } from '../../../lib/access.ts';

export function ConnectorHeader({ connector }: { connector: Connector }) {
  const navigate = useNavigate();
  const { can: canWrite, readOnly } = useAccess('write:connectors');
  const remove = useDeleteConnector();
  const [confirming, setConfirming] = useState(false);

  return (
    <header className="connector-header">
      <p className="breadcrumb">
        <Link to="/connectors">Connectors</Link> /
      </p>
      <div className="row">
        <h1>{connector.name}</h1>
        <RegionBadge international={connector.international} />
        <RequiredMappedBadge templates={connector.templates} />
        <span className="spacer" />
        {canWrite ? (
          <Link to={`/connectors/${connector.id}/edit`} className="button">
            Edit
          </Link>
        ) : (
          <button type="button" className="button" disabled>
            Edit
          </button>
        )}
        <button
          type="button"
          className="button danger"
          disabled={!canWrite}
          onClick={() => setConfirming(true)}
        >
          Delete
        </button>
      </div>
      {connector.description ? <p className="muted">{connector.description}</p> : null}
      {readOnly ? <ReadOnlyHint /> : null}
      {confirming ? (
        <ConfirmDialog
          title={`Delete connector “${connector.name}”?`}
          confirmLabel="Delete"
          danger
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => {
            remove.reset();
            setConfirming(false);
          }}
          onConfirm={() =>
            remove.mutate(connector.id, {
              onSuccess: () => {
                setConfirming(false);
                void navigate('/connectors', { replace: true });
              },
            })
          }
        >
          <p>
            This removes <strong>{connector.name}</strong> and its stored secret from smsdesk. A Logto tenant
            that already runs this configuration keeps working; it is not changed.
          </p>
        </ConfirmDialog>
      ) : null}
    </header>
  );
}
