import type { LogtoTencentConfig } from '@smsdesk/shared/schemas/connectors';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { useAccess } from '../../../lib/access.ts';
import { useLogtoConfig } from '../api/get-logto-config.ts';

const mask = '••••••••';

/** The JSON as shown: the secret replaced by dots until the user reveals it (the copy is always complete). */
export function shownJson(config: LogtoTencentConfig, revealed: boolean): string {
  return JSON.stringify(revealed ? config : { ...config, accessKeySecret: mask }, null, 2);
}

/** The configuration to paste into Logto's Tencent SMS connector editor, secret included. */
export function LogtoJsonPanel({ connectorId }: { connectorId: string }) {
  const { t } = useTranslation('connectors');
  const { can: canWrite, readOnly, reason } = useAccess('write:connectors');
  const { data, error, isPending, refetch } = useLogtoConfig(connectorId, canWrite);
  const [revealed, setRevealed] = useState(false);
  if (!canWrite && !readOnly) return <Loading />;
  if (readOnly) {
    return (
      <>
        <p>{t('logtoJson.needsWrite')}</p>
        <ReadOnlyHint reason={reason} />
      </>
    );
  }
  if (isPending) return <Loading label={t('logtoJson.loading')} />;
  if (error)
    return <ErrorNotice error={error} title={t('logtoJson.loadFailed')} onRetry={() => void refetch()} />;
  const json = JSON.stringify(data, null, 2);
  return (
    <>
      <div className="notice notice-warn" role="note">
        <Trans t={t} i18nKey="logtoJson.warning" components={{ strong: <strong /> }} />
      </div>
      <p className="help">
        <Trans t={t} i18nKey="logtoJson.connectorId" components={{ code: <code /> }} />
      </p>
      <div className="row">
        <button
          type="button"
          className="button small"
          aria-pressed={revealed}
          onClick={() => setRevealed((r) => !r)}
        >
          {revealed ? t('logtoJson.hide') : t('logtoJson.reveal')}
        </button>
        <span className="spacer" />
        <CopyButton text={json} label={t('logtoJson.copyJson')} />
        <CopyButton text={data.accessKeyId} label={t('logtoJson.copyKeyId')} />
      </div>
      <pre className="json" data-testid="logto-json">
        {shownJson(data, revealed)}
      </pre>
    </>
  );
}
