import { ApiError } from '../lib/api-client.ts';

/** Shows an API or SDK error as the user can act on it; a 403 names the missing scope. */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  let message = error instanceof Error ? error.message : String(error);
  let hint: string | null = null;
  if (error instanceof ApiError && error.status === 403) {
    const scopes = (error.details as { requiredScopes?: string[] } | undefined)?.requiredScopes ?? [];
    hint = scopes.length
      ? `Your role lacks the scope ${scopes.join(', ')}. Ask an administrator for a role that grants it.`
      : 'Your role does not allow this.';
  }
  if (error instanceof ApiError && error.code === 'NETWORK_ERROR') message = error.message;
  return (
    <div className="notice notice-error" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {message}
      {error instanceof ApiError && error.code !== 'NETWORK_ERROR' ? (
        <code className="code">{error.code}</code>
      ) : null}
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}
