import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { useAccess } from '../../../lib/access.ts';
import { useDeleteConnector } from '../api/delete-connector.ts';
import { RegionBadge, RequiredMappedBadge } from './connector-badges.tsx';

export function ConnectorHeader({ connector }: { connector: Connector }) {
  const { t } = useTranslation(['connectors', 'common']);
  const navigate = useNavigate();
  const { can: canWrite, readOnly, reason } = useAccess('write:connectors');
  const remove = useDeleteConnector();
  const [confirming, setConfirming] = useState(false);

  return (
    <header className="connector-header">
      <nav aria-label={t('common:nav.breadcrumb')} className="breadcrumb">
        <Link to="/connectors">{t('header.breadcrumb')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{connector.name}</span>
      </nav>
      <div className="row">
        <h1>{connector.name}</h1>
        <RegionBadge international={connector.international} />
        <RequiredMappedBadge templates={connector.templates} />
        <span className="spacer" />
        {canWrite ? (
          <Link to={`/connectors/${connector.id}/edit`} className="button">
            {t('header.edit')}
          </Link>
        ) : (
          <button type="button" className="button" disabled title={reason ?? undefined}>
            {t('header.edit')}
          </button>
        )}
        <button
          type="button"
          className="button danger"
          disabled={!canWrite}
          title={reason ?? undefined}
          onClick={() => setConfirming(true)}
        >
          {t('header.delete')}
        </button>
      </div>
      {connector.description ? <p className="muted">{connector.description}</p> : null}
      {readOnly ? <ReadOnlyHint reason={reason} /> : null}
      {confirming ? (
        <ConfirmDialog
          title={t('header.deleteTitle', { name: connector.name })}
          confirmLabel={t('header.delete')}
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
            <Trans
              t={t}
              i18nKey="header.deleteBody"
              values={{ name: connector.name }}
              components={{ strong: <strong /> }}
            />
          </p>
        </ConfirmDialog>
      ) : null}
    </header>
  );
}
