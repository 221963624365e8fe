import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/error-text.ts';
import { CopyButton } from './copy-button.tsx';

/**
 * An API or SDK error as a person can act on it: our sentence in their language, then the hints (scope,
 * when to retry, the API's specifics), then the stable code, small and copyable for support.
 */
export function ErrorNotice({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const text = describeError(error, i18n.language);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-sentence">
        {title ? <strong>{title}: </strong> : null}
        {text.sentence}
      </p>
      {text.hints.map((hint) => (
        <p key={hint} className="hint">
          {hint}
        </p>
      ))}
      <div className="notice-footer">
        {onRetry ? (
          <button type="button" className="button small" onClick={onRetry}>
            {t('state.retry')}
          </button>
        ) : null}
        {text.code ? (
          <span className="error-code">
            <span className="sr-only">{t('error.codeLabel')}: </span>
            <code title={t('error.codeLabel')}>{text.code}</code>
            <CopyButton text={text.code} label={t('state.copy')} compact />
          </span>
        ) : null}
      </div>
    </div>
  );
}
