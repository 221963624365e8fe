import { useHandleSignInCallback, useLogto } from '@logto/react';
import { useNavigate } from 'react-router';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Loading } from '../../components/spinner.tsx';
import { takeReturnTo } from '../../lib/auth.ts';

export function CallbackPage() {
  const navigate = useNavigate();
  const { error } = useLogto();
  const { isLoading } = useHandleSignInCallback(() => {
    void navigate(takeReturnTo(), { replace: true });
  });
  if (error) return <ErrorNotice error={error} title="Sign-in could not be completed" />;
  return isLoading ? <Loading label="Signing you in…" /> : <Loading label="Redirecting…" />;
}
