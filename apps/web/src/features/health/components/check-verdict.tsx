import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { formatDateTime } from '../../../components/time.tsx';
import { loadVerdict, verdictOf } from '../../../lib/check-verdict.ts';
import { useCheckOnDemand } from '../api/run-check.ts';

/**
 * A connector's last check verdict for the connectors list: the one this browser saw last (kept per
 * connector), or a button that runs the check; the list never runs a check (Tencent calls) by itself.
 */
export function CheckVerdictCell({ connectorId, updatedAt }: { connectorId: string; updatedAt: string }) {
  const { t, i18n } = useTranslation('health');
  const [asked, setAsked] = useState(false);
  const check = useCheckOnDemand(connectorId, asked);
  const stored = loadVerdict(connectorId);
  const verdict = check.data ? verdictOf(check.data) : stored;
  // A change after the check can make it wrong: it counts only if newer than the connector.
  const current = verdict && Date.parse(verdict.checkedAt) >= Date.parse(updatedAt) ? verdict : null;
  if (check.isFetching) return <span className="muted small">{t('panel.checking')}</span>;
  if (check.error) return <ErrorNotice error={check.error} onRetry={() => void check.refetch()} />;
  if (!current) {
    return (
      <span className="row tight">
        <span className="muted small">{t('verdict.never')}</span>
        <button
          type="button"
          className="button small"
          onClick={() => (asked ? void check.refetch() : setAsked(true))}
        >
          {t('verdict.run')}
        </button>
      </span>
    );
  }
  const time = formatDateTime(new Date(current.checkedAt), i18n.language);
  return (
    <Link
      to={`/connectors/${connectorId}/health`}
      className={`badge ${current.ok ? 'badge-green' : 'badge-red'}`}
      title={t('verdict.checkedAt', { time })}
      data-testid="check-verdict"
      data-ok={current.ok}
    >
      {current.ok ? t('verdict.ok') : t('verdict.problems', { count: current.errors })}
    </Link>
  );
}
