import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { useAccess } from '../../../lib/access.ts';
import { useCreateConnector } from '../api/create-connector.ts';
import { createBodyOf } from '../utils/connector-form.ts';
import { ConnectorForm } from './connector-form.tsx';

export function NewConnectorPage() {
  const { t } = useTranslation(['connectors', 'common']);
  const navigate = useNavigate();
  const { can: canWrite, readOnly, reason } = useAccess('write:connectors');
  const create = useCreateConnector();
  return (
    <section className="panel">
      <nav aria-label={t('common:nav.breadcrumb')} className="breadcrumb">
        <Link to="/connectors">{t('header.breadcrumb')}</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>{t('form.newTitle')}</h1>
      {readOnly ? <ReadOnlyHint reason={reason} /> : null}
      <ConnectorForm
        readOnly={!canWrite}
        cancelTo="/connectors"
        onSubmit={async (values) => {
          const { connector } = await create.mutateAsync(createBodyOf(values));
          await navigate(`/connectors/${connector.id}`);
        }}
      />
    </section>
  );
}
