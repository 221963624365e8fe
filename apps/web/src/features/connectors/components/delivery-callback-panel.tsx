import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { useAccess } from '../../../lib/access.ts';
import { useCallbackUrl, useRotateCallbackToken } from '../api/callback.ts';

/** The status callback URL to paste into Tencent's console, and the rotation of its token. */
export function DeliveryCallbackPanel({ connectorId }: { connectorId: string }) {
  const { t } = useTranslation('connectors');
  const { can: canWrite, readOnly, reason } = useAccess('write:connectors');
  const { data, error, isPending, refetch } = useCallbackUrl(connectorId, canWrite);
  const rotate = useRotateCallbackToken(connectorId);
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="delivery-callback-title">
      <h2 id="delivery-callback-title">{t('callback.title')}</h2>
      <p className="help">
        <Trans t={t} i18nKey="callback.why" components={{ code: <code /> }} />
      </p>
      {readOnly ? (
        <>
          <p>{t('callback.needsWrite')}</p>
          <ReadOnlyHint reason={reason} />
        </>
      ) : !canWrite || isPending ? (
        <Loading />
      ) : error ? (
        <ErrorNotice error={error} title={t('callback.loadFailed')} onRetry={() => void refetch()} />
      ) : (
        <>
          <div className="row copyable">
            <code data-testid="callback-url">{data.url}</code>
            <CopyButton text={data.url} label={t('callback.copy')} />
            <span className="spacer" />
            <button type="button" className="button small" onClick={() => setConfirming(true)}>
              {t('callback.rotate')}
            </button>
          </div>
          <p className="help">{t('callback.where')}</p>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('callback.rotateTitle')}
          confirmLabel={t('callback.rotate')}
          danger
          pending={rotate.isPending}
          error={rotate.error}
          onCancel={() => {
            rotate.reset();
            setConfirming(false);
          }}
          onConfirm={() => rotate.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        >
          <p>{t('callback.rotateWarning')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
