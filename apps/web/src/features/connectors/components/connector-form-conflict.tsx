import { useTranslation } from 'react-i18next';
import { type ApiError, isApiError } from '../../../lib/api-client.ts';

/** A 412 on save: someone else changed the connector; reloading discards the edits made here. */
export function ConflictBanner({
  conflict,
  onReload,
}: {
  conflict: ApiError<'VERSION_CONFLICT' | 'PRECONDITION_FAILED'>;
  onReload: () => void;
}) {
  const { t } = useTranslation('connectors');
  const version = isApiError(conflict, 'VERSION_CONFLICT') ? conflict.details?.currentVersion : undefined;
  return (
    <div className="notice notice-warn" role="alert">
      <p className="notice-sentence">
        <strong>{t('form.conflictTitle')}</strong> {t('form.conflictBody')}
        {typeof version === 'number' ? ` ${t('form.conflictVersion', { version })}` : ''}
      </p>
      <div className="notice-footer">
        <button type="button" className="button small" onClick={onReload}>
          {t('form.reload')}
        </button>
        <code className="error-code">{conflict.code}</code>
      </div>
    </div>
  );
}
