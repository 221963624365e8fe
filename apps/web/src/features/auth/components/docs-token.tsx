import { useLogto } from '@logto/react';
import { type ReactNode, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { env } from '../../../config/env.ts';

/** Trans puts the catalog's link text inside. */
function DocsLink({ children }: { children?: ReactNode }) {
  return (
    <a href="/docs" target="_blank" rel="noreferrer">
      {children}
    </a>
  );
}

/**
 * "Try it out" in the API docs needs a bearer token: this copies the signed-in user's access token for the
 * API resource (fetched at the click, so it is a fresh one) without ever showing it on the page. The docs
 * keep it after a reload (Swagger UI's persistAuthorization).
 */
export function DocsToken() {
  const { t } = useTranslation('auth');
  const { getAccessToken } = useLogto();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      const token = await getAccessToken(env.logtoApiResource);
      if (!token) throw new Error('no access token');
      await navigator.clipboard.writeText(token);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <section className="docs-token" aria-labelledby="docs-token-title">
      <h2 id="docs-token-title">{t('account.docsTitle')}</h2>
      <p className="muted">
        <Trans t={t} i18nKey="account.docsHelp" components={{ docs: <DocsLink />, b: <strong /> }} />
      </p>
      <div className="row tight">
        <button type="button" className="button small" onClick={() => void copy()}>
          {t('account.copyToken')}
        </button>
        <span className="copy-status" role="status">
          {state === 'copied' ? t('account.tokenCopied') : state === 'failed' ? t('account.tokenFailed') : ''}
        </span>
      </div>
    </section>
  );
}
