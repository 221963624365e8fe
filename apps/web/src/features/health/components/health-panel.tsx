import type { CheckResult } from '@smsdesk/shared/schemas/check';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { Time } from '../../../components/time.tsx';
import { useCheck } from '../api/run-check.ts';
import { FindingsList } from './findings-list.tsx';
import { HealthMatrix, type RowActions } from './health-matrix.tsx';

/** The Health tab: runs the check when opened and on demand. */
export function HealthPanel({ connectorId, actions }: { connectorId: string; actions?: RowActions }) {
  const { data, error, isFetching, refetch } = useCheck(connectorId);
  return (
    <div className="health">
      <div className="row">
        <button type="button" className="button primary" disabled={isFetching} onClick={() => void refetch()}>
          Run check
        </button>
        <span className="muted" role="status">
          {isFetching ? (
            'Checking with Tencent…'
          ) : data ? (
            <>
              Last checked <Time value={data.checkedAt} />
            </>
          ) : null}
        </span>
      </div>
      {error ? <ErrorNotice error={error} title="The check could not run" /> : null}
      {data ? (
        <HealthReport result={data} actions={actions} />
      ) : isFetching ? (
        <Loading label="Checking the templates at Tencent…" />
      ) : null}
    </div>
  );
}

/** The banner, the matrix and the findings of one check result. */
export function HealthReport({ result, actions }: { result: CheckResult; actions?: RowActions }) {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  return (
    <>
      {result.ok ? (
        <div className="notice notice-ok check-banner" data-testid="check-status" data-ok="true">
          <strong>Logto will work</strong>
          {warnings ? ` — ${warnings === 1 ? 'one warning' : `${warnings} warnings`} below` : null}
        </div>
      ) : (
        <div className="notice notice-error check-banner" data-testid="check-status" data-ok="false">
          <strong>{errors === 1 ? 'One problem Logto will hit' : `${errors} problems Logto will hit`}</strong>
          {warnings ? ` (and ${warnings === 1 ? 'one warning' : `${warnings} warnings`})` : null}
        </div>
      )}
      <HealthMatrix rows={result.usageTypes} actions={actions} />
      <h2>Findings</h2>
      <FindingsList findings={result.findings} />
    </>
  );
}
