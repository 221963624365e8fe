import { useLogto } from '@logto/react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { signInOptions, rememberReturnTo } from '../../../lib/auth.ts';

export function SignInPanel({ returnTo = '/connectors' }: { returnTo?: string }) {
  const { t } = useTranslation('auth');
  const { signIn, error } = useLogto();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  return (
    <section className="panel hero">
      <h1>{t('signIn.title')}</h1>
      <p>
        <Trans t={t} i18nKey="signIn.intro" components={{ code: <code /> }} />
      </p>
      <button
        type="button"
        className="button primary"
        disabled={starting}
        onClick={() => {
          setStarting(true);
          rememberReturnTo(returnTo);
          signIn(signInOptions()).catch((e: unknown) => {
            setStartError(e);
            setStarting(false);
          });
        }}
      >
        {starting ? t('signIn.redirecting') : t('signIn.button')}
      </button>
      <ErrorNotice error={startError ?? error} title={t('signIn.failed')} />
    </section>
  );
}
