import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { type UsageType, usageTypes } from '@smsdesk/shared/usage-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActorName } from '../../../components/actor-name.tsx';
import { PagedList } from '../../../components/paged-list.tsx';
import { Time } from '../../../components/time.tsx';
import { useTestSends } from '../api/get-test-sends.ts';
import { deliveryTone, failureSentence, modeName } from './test-send-result.tsx';

export interface HistoryFilter {
  status: 'all' | TestSend['status'];
  usageType: 'all' | UsageType;
  /** Digits the masked number ends with (or contains: the country code is shown in clear). */
  number: string;
}

export const noHistoryFilter: HistoryFilter = { status: 'all', usageType: 'all', number: '' };

export function matchesHistoryFilter(send: TestSend, filter: HistoryFilter): boolean {
  if (filter.status !== 'all' && send.status !== filter.status) return false;
  if (filter.usageType !== 'all' && send.usageType !== filter.usageType) return false;
  const digits = filter.number.replace(/\D/g, '');
  return !digits || send.phoneNumberMasked.replace(/\D/g, '').includes(digits);
}

/** The code can still be checked: sent, not verified, attempts and time left (the API decides in the end). */
export const canStillVerify = (send: TestSend, now = Date.now()) =>
  send.status === 'sent' &&
  !send.verified &&
  send.verifyAttemptsLeft > 0 &&
  send.codeExpiresAt !== null &&
  Date.parse(send.codeExpiresAt) > now;

/**
 * The connector's test sends, newest first, a page at a time, filtered by status, usage type and number
 * among the pages loaded (the API pages by connector only; the numbers are masked there anyway).
 */
export function TestSendsHistory({
  connectorId,
  onOpen,
}: {
  connectorId: string;
  /** Opens a send's card above (to enter its code after a reload, or see its details). */
  onOpen?: (id: string) => void;
}) {
  const { t } = useTranslation(['testSends', 'common']);
  const [filter, setFilter] = useState<HistoryFilter>(noHistoryFilter);
  const set = <K extends keyof HistoryFilter>(key: K, value: HistoryFilter[K]) =>
    setFilter((f) => ({ ...f, [key]: value }));

  return (
    <PagedList
      query={useTestSends({ connectorId })}
      loadingLabel={t('history.loading')}
      errorTitle={t('history.loadFailed')}
      empty={t('history.empty')}
    >
      {(sends) => {
        const shown = sends.filter((s) => matchesHistoryFilter(s, filter));
        return (
          <>
            <div className="row filters" data-testid="history-filters">
              <label className="filter">
                <span>{t('history.filterStatus')}</span>
                <select
                  value={filter.status}
                  onChange={(e) => set('status', e.target.value as HistoryFilter['status'])}
                >
                  <option value="all">{t('common:state.all')}</option>
                  <option value="sent">{t('status.sent')}</option>
                  <option value="failed">{t('status.failed')}</option>
                </select>
              </label>
              <label className="filter">
                <span>{t('history.filterUsageType')}</span>
                <select
                  value={filter.usageType}
                  onChange={(e) => set('usageType', e.target.value as HistoryFilter['usageType'])}
                >
                  <option value="all">{t('common:state.all')}</option>
                  {usageTypes.map((u) => (
                    <option key={u} value={u}>
                      {u}
                    </option>
                  ))}
                </select>
              </label>
              <label className="filter">
                <span>{t('history.filterNumber')}</span>
                <input
                  type="search"
                  inputMode="numeric"
                  placeholder={t('history.filterNumberPlaceholder')}
                  value={filter.number}
                  onChange={(e) => set('number', e.target.value)}
                />
              </label>
            </div>
            {shown.length === 0 ? (
              <p className="empty">{t('history.filteredOut', { count: sends.length })}</p>
            ) : (
              <table className="table stack" aria-label={t('history.label')}>
                <thead>
                  <tr>
                    <th scope="col">{t('history.when')}</th>
                    <th scope="col">{t('history.number')}</th>
                    <th scope="col">{t('history.usageType')}</th>
                    <th scope="col">{t('history.mode')}</th>
                    <th scope="col">{t('history.status')}</th>
                    <th scope="col">{t('history.delivery')}</th>
                    <th scope="col">{t('history.verified')}</th>
                    <th scope="col">{t('history.by')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('history.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((s) => (
                    <tr key={s.id} data-testid={`history-${s.id}`}>
                      <td data-label={t('history.when')}>
                        <Time value={s.createdAt} />
                      </td>
                      <td data-label={t('history.number')}>
                        <code className="nowrap">{s.phoneNumberMasked}</code>
                      </td>
                      <td data-label={t('history.usageType')}>{s.usageType}</td>
                      <td data-label={t('history.mode')} data-mode={s.mode}>
                        {modeName(s.mode)}
                      </td>
                      <td data-label={t('history.status')}>
                        <span className={`badge ${s.status === 'sent' ? 'badge-green' : 'badge-red'}`}>
                          {t(`status.${s.status}`)}
                        </span>
                        {s.status === 'failed' ? (
                          <div className="muted small">
                            {failureSentence(s)} <code>{s.tencent.code}</code>
                          </div>
                        ) : null}
                      </td>
                      <td data-label={t('history.delivery')}>
                        <span className={`badge badge-${deliveryTone[s.delivery.status]}`}>
                          {t(`delivery.${s.delivery.status}`)}
                        </span>
                      </td>
                      <td data-label={t('history.verified')}>
                        {s.verified ? (
                          <span className="badge badge-green">{t('history.yes')}</span>
                        ) : (
                          <span className="muted">{t('history.no')}</span>
                        )}
                      </td>
                      <td data-label={t('history.by')}>
                        <ActorName sub={s.actor} />
                      </td>
                      <td>
                        {onOpen ? (
                          <button type="button" className="button small" onClick={() => onOpen(s.id)}>
                            {canStillVerify(s) ? t('history.verify') : t('history.show')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {shown.length < sends.length ? <p className="help">{t('history.filterNote')}</p> : null}
          </>
        );
      }}
    </PagedList>
  );
}
