import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Loading } from '../../components/spinner.tsx';
import { useConnector } from '../../features/connectors/api/get-connector.ts';
import { ConnectorHeader } from '../../features/connectors/components/connector-header.tsx';

/**
 * The tabs of a connector, each a child route of `connectors/:id` in router.tsx.
 */
const tabs = [
  { to: '.', label: 'tabs.overview', end: true },
  { to: 'health', label: 'tabs.health' },
  { to: 'templates', label: 'tabs.templates' },
  { to: 'test-sends', label: 'tabs.testSends' },
  { to: 'logto-json', label: 'tabs.logtoJson' },
  { to: 'logto', label: 'tabs.logto' },
  { to: 'audit', label: 'tabs.audit' },
] as const;

export function Component() {
  const { t } = useTranslation('connectors');
  const { id = '' } = useParams();
  const { data, error, isPending, refetch } = useConnector(id);
  if (isPending) return <Loading label={t('detail.loading')} />;
  if (error) {
    return (
      <section className="panel">
        <ErrorNotice error={error} title={t('detail.loadFailed')} onRetry={() => void refetch()} />
        <Link to="/connectors">{t('detail.back')}</Link>
      </section>
    );
  }
  return (
    <section className="panel">
      <ConnectorHeader connector={data.connector} />
      <nav className="tabs" aria-label={t('tabs.label')}>
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={'end' in tab ? tab.end : undefined}>
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </section>
  );
}
