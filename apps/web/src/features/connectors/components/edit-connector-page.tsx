import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { useConnector, type VersionedConnector } from '../api/get-connector.ts';
import { useUpdateConnector } from '../api/update-connector.ts';
import { updateBodyOf } from '../utils/connector-form.ts';
import { ConnectorForm } from './connector-form.tsx';
import { useAccess } from '../../../lib/access.ts';

export function EditConnectorPage({ id }: { id: string }) {
  const { t } = useTranslation(['connectors', 'common']);
  const query = useConnector(id);
  if (query.isPending) return <Loading label={t('detail.loading')} />;
  if (query.error) {
    return (
      <section className="panel">
        <ErrorNotice
          error={query.error}
          title={t('detail.loadFailed')}
          onRetry={() => void query.refetch()}
        />
        <Link to="/connectors">{t('detail.back')}</Link>
      </section>
    );
  }
  return (
    <EditConnector
      initial={query.data}
      reload={async () => {
        const { data, error } = await query.refetch();
        if (error) throw error;
        if (!data) throw new Error(t('detail.loadFailed'));
        return data;
      }}
    />
  );
}

/**
 * Edits the version the user opened, not whatever a background refetch brings: its ETag goes in
 * `If-Match`, so a change by someone else in between is refused (412) instead of overwritten.
 */
function EditConnector({
  initial,
  reload,
}: {
  initial: VersionedConnector;
  reload: () => Promise<VersionedConnector>;
}) {
  const { t } = useTranslation(['connectors', 'common']);
  const navigate = useNavigate();
  const { can: canWrite, readOnly, reason } = useAccess('write:connectors');
  const update = useUpdateConnector();
  const [base, setBase] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const { connector, etag } = base;
  const detail = `/connectors/${connector.id}`;
  return (
    <section className="panel">
      <nav aria-label={t('common:nav.breadcrumb')} className="breadcrumb">
        <Link to="/connectors">{t('header.breadcrumb')}</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={detail}>{connector.name}</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>{t('form.editTitle', { name: connector.name })}</h1>
      {readOnly ? <ReadOnlyHint reason={reason} /> : null}
      <ConnectorForm
        key={generation}
        connector={connector}
        readOnly={!canWrite}
        cancelTo={detail}
        onSubmit={async (values) => {
          const body = updateBodyOf(connector, values);
          if (Object.keys(body).length === 0) {
            throw new Error(t('form.nothingChanged'));
          }
          await update.mutateAsync({ id: connector.id, etag, body });
          await navigate(detail);
        }}
        onReload={async () => {
          setBase(await reload());
          setGeneration((g) => g + 1);
        }}
      />
    </section>
  );
}
