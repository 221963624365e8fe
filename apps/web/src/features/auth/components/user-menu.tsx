import { useLogto } from '@logto/react';
import { useTranslation } from 'react-i18next';
import { signedOutUrl } from '../../../lib/auth.ts';
import { displayNameOf, useIdTokenClaims } from '../../../lib/display-name.ts';
import { useMe } from '../../../lib/me.ts';

export function UserMenu() {
  const { t } = useTranslation('auth');
  const { isAuthenticated, signOut, error } = useLogto();
  const { data: claims } = useIdTokenClaims();
  if (!isAuthenticated) return <div className="user" />;
  const name = claims ? displayNameOf(claims) : '…';
  return (
    <div className="user">
      {/* The SDK keeps its errors (sign-out, token refresh, claims) in `error`: show them, never swallow. */}
      {error && (
        <span className="badge badge-red" role="alert" title={error.message}>
          {t('user.problem', { message: error.message })}
        </span>
      )}
      <ReadOnlyBadge />
      <span className="user-name" data-testid="signed-in-user" title={claims?.sub}>
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
