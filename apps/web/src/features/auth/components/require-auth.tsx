import { useLogto } from '@logto/react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Loading } from '../../../components/spinner.tsx';
import { SignInPanel } from './sign-in-panel.tsx';

export function RequireAuth() {
  const { t } = useTranslation('auth');
  const { isAuthenticated, isLoading } = useLogto();
  const location = useLocation();
  if (isLoading && !isAuthenticated) return <Loading label={t('signIn.checkingSession')} />;
  if (!isAuthenticated) return <SignInPanel returnTo={location.pathname + location.search} />;
  return <Outlet />;
}
