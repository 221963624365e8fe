import { type IdTokenClaims, useLogto } from '@logto/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signedOutUrl } from '../../../lib/auth.ts';
import { useMe } from '../../../lib/me.ts';

export function UserMenu() {
  const { t } = useTranslation('auth');
  const { isAuthenticated, getIdTokenClaims, signOut, error } = useLogto();
  const [claims, setClaims] = useState<IdTokenClaims | undefined>();
  useEffect(() => {
    if (isAuthenticated) void getIdTokenClaims().then(setClaims);
  }, [isAuthenticated, getIdTokenClaims]);
  if (!isAuthenticated) return <div className="user" />;
  const name = claims?.username ?? claims?.name ?? claims?.sub ?? '…';
  return (
    <div className="user">
      {/* The SDK keeps its errors (sign-out, token refresh, claims) in `error`: show them, never swallow. */}
      {error && (
        <span className="badge badge-red" role="alert" title={error.message}>
          {t('user.problem', { message: error.message })}
        </span>
      )}
      <ReadOnlyBadge />
      <span className="user-name" data-testid="signed-in-user">
        {name}
      </span>
      <button type="button" className="button" onClick={() => void signOut(signedOutUrl())}>
        {t('user.signOut')}
      </button>
    </div>
  );
}

function ReadOnlyBadge() {
  const { t } = useTranslation('auth');
  const { data } = useMe();
  if (!data || data.scopes.includes('write:connectors')) return null;
  return (
    <span
      className="badge badge-amber"
      title={t('user.scopes', { scopes: data.scopes.join(', ') || t('user.noScopes') })}
    >
      {t('user.readOnly')}
    </span>
  );
}
