import { useLogto } from '@logto/react';
import { Navigate } from 'react-router';
import { Loading } from '../../components/spinner.tsx';
import { SignInPanel } from '../../features/auth/components/sign-in-panel.tsx';

export function LandingPage() {
  const { isAuthenticated, isLoading } = useLogto();
  if (isAuthenticated) return <Navigate to="/connectors" replace />;
  if (isLoading) return <Loading />;
  return <SignInPanel />;
}
