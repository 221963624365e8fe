import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { Time } from '../../../components/time.tsx';
import { useAccess } from '../../../lib/access.ts';
import { useConnectors } from '../api/get-connectors.ts';
import { RegionBadge, RequiredMappedBadge } from './connector-badges.tsx';
import { ImportDialog } from './import-dialog.tsx';

type Side = 'all' | 'mainland' | 'international';

export function matchesFilter(connector: Connector, query: string, side: Side): boolean {
  if (side !== 'all' && connector.international !== (side === 'international')) return false;
  const needle = query.trim().toLowerCase();
  return (
    !needle ||
    [connector.name, connector.signName, connector.sdkAppId].some((v) => v.toLowerCase().includes(needle))
  );
}

/** `verdict` renders a connector's last check verdict: the health feature owns it, the app passes it in. */
export function ConnectorsPage({ verdict }: { verdict?: (connector: Connector) => ReactNode }) {
  const { t } = useTranslation(['connectors', 'common']);
  const { data, error, isPending, refetch } = useConnectors();
  const { can: canWrite, readOnly, reason } = useAccess('write:connectors');
  const [importing, setImporting] = useState(false);
  const [query, setQuery] = useState('');
  const [side, setSide] = useState<Side>('all');

  const actions = (
    <>
      {canWrite ? (
        <Link to="/connectors/new" className="button primary">
          {t('list.create')}
        </Link>
      ) : (
        <button type="button" className="button primary" disabled title={reason ?? undefined}>
          {t('list.create')}
        </button>
      )}
      <button
        type="button"
        className="button"
        disabled={!canWrite}
        title={reason ?? undefined}
        onClick={() => setImporting(true)}
      >
        {t('list.import')}
      </button>
    </>
  );
  const shown = data?.items.filter((c) => matchesFilter(c, query, side)) ?? [];

  return (
    <section className="panel">
      <div className="row">
        <h1>{t('list.title')}</h1>
        <span className="spacer" />
        {data?.items.length ? <div className="row">{actions}</div> : null}
      </div>
      {readOnly ? <ReadOnlyHint reason={reason} /> : null}
      {isPending ? <Loading label={t('list.loading')} /> : null}
      <ErrorNotice error={error} title={t('list.loadFailed')} onRetry={() => void refetch()} />
      {data && data.items.length === 0 ? (
        <div className="empty-state">
          <p className="empty">{t('list.emptyTitle')}</p>
          <p className="help">{t('list.emptyHelp')}</p>
          <div className="row">{actions}</div>
        </div>
      ) : null}
      {data?.items.length ? (
        <>
          <div className="row filters">
            <label className="filter">
              <span className="sr-only">{t('list.searchLabel')}</span>
              <input
                type="search"
                placeholder={t('list.searchPlaceholder')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </label>
            <label className="filter">
              <span>{t('list.sideFilter')}</span>
              <select value={side} onChange={(e) => setSide(e.target.value as Side)}>
                <option value="all">{t('common:state.all')}</option>
                <option value="mainland">{t('common:side.mainland')}</option>
                <option value="international">{t('common:side.international')}</option>
              </select>
            </label>
          </div>
          {shown.length === 0 ? <p className="empty">{t('common:state.nothingMatches')}</p> : null}
          <table className="table stack" aria-label={t('list.title')}>
            <thead>
              <tr>
                <th>{t('list.name')}</th>
                <th>{t('list.lastCheck')}</th>
                <th>{t('list.sign')}</th>
                <th>{t('list.region')}</th>
                <th>{t('list.numbers')}</th>
                <th>{t('list.sdkAppId')}</th>
                <th>{t('list.templates')}</th>
                <th>{t('list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('list.name')}>
                    <Link to={`/connectors/${c.id}`}>{c.name}</Link>
                  </td>
                  <td data-label={t('list.lastCheck')}>{verdict?.(c)}</td>
                  <td data-label={t('list.sign')}>{c.signName}</td>
                  <td data-label={t('list.region')}>
                    <code>{c.region}</code>
                  </td>
                  <td data-label={t('list.numbers')}>
                    <RegionBadge international={c.international} />
                  </td>
                  <td data-label={t('list.sdkAppId')}>
                    <code>{c.sdkAppId}</code>
                  </td>
                  <td data-label={t('list.templates')}>
                    <RequiredMappedBadge templates={c.templates} />
                  </td>
                  <td data-label={t('list.updated')}>
                    <Time value={c.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </section>
  );
}
