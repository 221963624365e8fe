import type { CheckResult } from '@smsdesk/shared/schemas/check';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { Time } from '../../../components/time.tsx';
import { underReview, useCheck } from '../api/run-check.ts';
import { connectorBlockers } from '../utils/blockers.ts';
import { findingText } from './finding-text.tsx';
import { FindingDetails, FindingsList } from './findings-list.tsx';
import { HealthMatrix, type RowActions } from './health-matrix.tsx';

/** The Health tab: runs the check when opened and on demand. */
export function HealthPanel({ connectorId, actions }: { connectorId: string; actions?: RowActions }) {
  const { t } = useTranslation('health');
  const { data, error, isFetching, refetch } = useCheck(connectorId);
  return (
    <div className="health">
      <div className="row">
        <button type="button" className="button primary" disabled={isFetching} onClick={() => void refetch()}>
          {t('panel.run')}
        </button>
        <span className="muted" role="status">
          {isFetching ? (
            t('panel.checking')
          ) : data ? (
            <>
              {t('panel.lastChecked')} <Time value={data.checkedAt} />
            </>
          ) : null}
        </span>
      </div>
      <ErrorNotice error={error} title={t('panel.failed')} onRetry={() => void refetch()} />
      {underReview(data) ? <p className="muted small">{t('panel.reviewing')}</p> : null}
      {data ? (
        <HealthReport result={data} actions={actions} />
      ) : isFetching ? (
        <Loading label={t('panel.checkingTemplates')} />
      ) : null}
    </div>
  );
}

/** The banner, the connector-wide blockers, the matrix and the findings of one check result. */
export function HealthReport({ result, actions }: { result: CheckResult; actions?: RowActions }) {
  const { t } = useTranslation('health');
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const blockers = connectorBlockers(result);
  return (
    <>
      {result.ok ? (
        <div className="notice notice-ok check-banner" data-testid="check-status" data-ok="true">
          <strong>{warnings ? t('banner.okWarnings', { count: warnings }) : t('banner.ok')}</strong>
        </div>
      ) : (
        <div className="notice notice-error check-banner" data-testid="check-status" data-ok="false">
          <strong>{t('banner.problems', { count: errors })}</strong>
          {warnings ? ` ${t('banner.andWarnings', { count: warnings })}` : null}
        </div>
      )}
      {blockers.length ? (
        <section
          className="notice notice-error blockers"
          data-testid="connector-blockers"
          aria-label={t('blocker.title')}
        >
          <p className="notice-sentence">
            <strong>{t('blocker.title')}</strong>
          </p>
          <ul>
            {blockers.map((b) => {
              const text = findingText(b);
              return (
                <li key={b.code} data-code={b.code}>
                  <p>{text.message}</p>
                  <p>
                    <strong>{t('findings.fix')}</strong> {text.fix}
                  </p>
                  <FindingDetails finding={b} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <HealthMatrix rows={result.usageTypes} blockers={blockers} actions={actions} />
      <h2>{t('findings.title')}</h2>
      <FindingsList findings={result.findings} />
    </>
  );
}
