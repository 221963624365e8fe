import { useHandleSignInCallback, useLogto } from '@logto/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Loading } from '../../components/spinner.tsx';
import { takeReturnTo } from '../../lib/auth.ts';

export function CallbackPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const { error } = useLogto();
  const { isLoading } = useHandleSignInCallback(() => {
    void navigate(takeReturnTo(), { replace: true });
  });
  if (error) return <ErrorNotice error={error} title={t('signIn.callbackFailed')} />;
  return isLoading ? (
    <Loading label={t('signIn.completing')} />
  ) : (
    <Loading label={t('signIn.afterCallback')} />
  );
}
