import { useLogto } from '@logto/react';
import { useState } from 'react';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { callbackUrl, rememberReturnTo } from '../../../lib/auth.ts';

export function SignInPanel({ returnTo = '/connectors' }: { returnTo?: string }) {
  const { signIn, error } = useLogto();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  return (
    <section className="panel hero">
      <h1>Phone sign-in you can trust before you switch it on</h1>
      <p>
        smsdesk checks that every Logto usage type has an approved Tencent Cloud SMS template with a single{' '}
        <code>{'{1}'}</code>, helps you fix what is missing, and sends a real code to a real phone.
      </p>
      <button
        type="button"
        className="button primary"
        disabled={starting}
        onClick={() => {
          setStarting(true);
          rememberReturnTo(returnTo);
          signIn(callbackUrl()).catch((e: unknown) => {
            setStartError(e);
            setStarting(false);
          });
        }}
      >
        {starting ? 'Redirecting to sign-in…' : 'Sign in'}
      </button>
      <ErrorNotice error={startError ?? error} title="Sign-in failed" />
    </section>
  );
}
