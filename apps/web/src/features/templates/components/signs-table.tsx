import { Trans, useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { useSigns } from '../api/get-signs.ts';
import { ReviewStatusBadge } from './review-status-badge.tsx';

/** The account's SMS signatures; the connector's sign name must be one of the approved ones. */
export function SignsTable({ connectorId, signName }: { connectorId: string; signName: string }) {
  const { t } = useTranslation(['templates', 'common']);
  const { data, error, isPending, refetch } = useSigns(connectorId);
  if (isPending) return <Loading label={t('signs.loading')} />;
  if (error)
    return <ErrorNotice error={error} title={t('signs.loadFailed')} onRetry={() => void refetch()} />;
  if (data.items.length === 0) return <p className="empty">{t('signs.empty')}</p>;
  const used = data.items.find((s) => s.signName === signName);
  return (
    <>
      {used ? null : (
        <div className="notice notice-warn">
          <Trans
            t={t}
            i18nKey="signs.notListed"
            values={{ signName }}
            components={{ strong: <strong />, code: <code /> }}
          />
        </div>
      )}
      <table className="table" aria-label={t('signs.label')}>
        <thead>
          <tr>
            <th scope="col">{t('signs.id')}</th>
            <th scope="col">{t('signs.signature')}</th>
            <th scope="col">{t('signs.status')}</th>
            <th scope="col">{t('signs.numbers')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((s) => (
            <tr key={s.signId} data-status={s.status}>
              <td data-label={t('signs.id')}>
                <code>{s.signId}</code>
              </td>
              <th scope="row" className="plain-th">
                {s.signName}{' '}
                {s.signName === signName ? (
                  <span className="badge badge-grey">{t('signs.thisConnector')}</span>
                ) : null}
              </th>
              <td data-label={t('signs.status')}>
                <ReviewStatusBadge status={s.status} reviewReply={s.reviewReply} />
              </td>
              <td data-label={t('signs.numbers')}>
                {s.international ? t('common:side.international') : t('common:side.mainland')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
