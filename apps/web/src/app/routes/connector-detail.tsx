import { Link, NavLink, Outlet, useParams } from 'react-router';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Loading } from '../../components/spinner.tsx';
import { useConnector } from '../../features/connectors/api/get-connector.ts';
import { ConnectorHeader } from '../../features/connectors/components/connector-header.tsx';

/**
 * The tabs of a connector, each a child route of `connectors/:id` in router.tsx.
 */
const tabs: { to: string; label: string; end?: boolean }[] = [
  { to: '.', label: 'Overview', end: true },
  { to: 'health', label: 'Health' },
  { to: 'templates', label: 'Templates' },
  { to: 'test-sends', label: 'Test sends' },
  { to: 'logto-json', label: 'Logto JSON' },
  { to: 'audit', label: 'Audit' },
];

export function Component() {
  const { id = '' } = useParams();
  const { data, error, isPending } = useConnector(id);
  if (isPending) return <Loading label="Loading the connector…" />;
  if (error) {
    return (
      <section className="panel">
        <ErrorNotice error={error} title="The connector could not be loaded" />
        <Link to="/connectors">Back to the connectors</Link>
      </section>
    );
  }
  return (
    <section className="panel">
      <ConnectorHeader connector={data.connector} />
      <nav className="tabs" aria-label="Connector sections">
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </section>
  );
}
