import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';

/** Shows an API or SDK error as the user can act on it; a 403 names the missing scope. */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  let message = error instanceof Error ? error.message : String(error);
  let hint: string | null = null;
  if (error instanceof ApiError && error.status === 403) {
    const scopes = (error.details as { requiredScopes?: string[] } | undefined)?.requiredScopes ?? [];
    hint = scopes.length ? t('error.missingScope', { scopes: scopes.join(', ') }) : t('error.forbidden');
  }
  if (error instanceof ApiError && error.code === 'NETWORK_ERROR') message = t('error.network');
  return (
    <div className="notice notice-error" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {message}
      {error instanceof ApiError && error.code !== 'NETWORK_ERROR' ? (
        <code className="code" title={t('error.codeLabel')}>
          {error.code}
        </code>
      ) : null}
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
