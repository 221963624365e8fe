import type { DriftDifference } from '@smsdesk/shared/schemas/logto-tenants';
import { useTranslation } from 'react-i18next';

export type DriftState = 'different' | 'onlySmsdesk' | 'onlyLogto';

export function driftState(difference: DriftDifference): DriftState {
  if (difference.logto === null) return 'onlySmsdesk';
  if (difference.smsdesk === null) return 'onlyLogto';
  return 'different';
}

const badge: Record<DriftState, string> = {
  different: 'badge badge-amber',
  onlySmsdesk: 'badge badge-grey',
  onlyLogto: 'badge badge-red',
};

/** One row per field that differs; the secret only ever as set / different. */
export function DriftTable({ differences }: { differences: DriftDifference[] }) {
  const { t } = useTranslation('logtoTenants');
  const value = (field: string, text: string | null) => {
    if (text === null) return <span className="muted">{t('tab.absent')}</span>;
    if (field === 'accessKeySecret')
      return text === 'different' ? t('tab.secretDifferent') : t('tab.secretSet');
    return <code>{text}</code>;
  };
  return (
    <table className="table stack" aria-label={t('tab.driftTitle')}>
      <thead>
        <tr>
          <th>{t('tab.field')}</th>
          <th>{t('tab.smsdesk')}</th>
          <th>{t('tab.logto')}</th>
          <th>{t('tab.state')}</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((d) => {
          const state = driftState(d);
          return (
            <tr key={d.field}>
              <td data-label={t('tab.field')}>
                <code>{d.field}</code>
              </td>
              <td data-label={t('tab.smsdesk')}>{value(d.field, d.smsdesk)}</td>
              <td data-label={t('tab.logto')}>{value(d.field, d.logto)}</td>
              <td data-label={t('tab.state')}>
                <span className={badge[state]}>{t(`tab.${state}`)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
