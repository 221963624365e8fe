import { useLogto } from '@logto/react';
import { Outlet, useLocation } from 'react-router';
import { Loading } from '../../../components/spinner.tsx';
import { SignInPanel } from './sign-in-panel.tsx';

export function RequireAuth() {
  const { isAuthenticated, isLoading } = useLogto();
  const location = useLocation();
  if (isLoading && !isAuthenticated) return <Loading label="Checking your session…" />;
  if (!isAuthenticated) return <SignInPanel returnTo={location.pathname + location.search} />;
  return <Outlet />;
}
