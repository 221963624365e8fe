import { apiScopes } from '@smsdesk/shared/scopes';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Loading } from '../../components/spinner.tsx';
import { DocsToken } from '../../features/auth/components/docs-token.tsx';
import { useMe } from '../../lib/me.ts';

export function Component() {
  const { t } = useTranslation('auth');
  const { data, error, isPending } = useMe();
  return (
    <section className="panel">
      <h1>{t('account.title')}</h1>
      {isPending ? <Loading /> : null}
      <ErrorNotice error={error} />
      {data ? (
        <>
          <dl className="facts">
            <dt>{t('account.subject')}</dt>
            <dd>
              <code>{data.sub}</code>
            </dd>
            <dt>{t('account.application')}</dt>
            <dd>
              <code>{data.clientId ?? '—'}</code>
            </dd>
            <dt>{t('account.method')}</dt>
            <dd>{data.authMethod === 'bearer' ? t('account.bearer') : t('account.session')}</dd>
          </dl>
          <table className="table">
            <thead>
              <tr>
                <th>{t('account.scope')}</th>
                <th>{t('account.granted')}</th>
              </tr>
            </thead>
            <tbody>
              {apiScopes.map((scope) => (
                <tr key={scope}>
                  <td>
                    <code>{scope}</code>
                  </td>
                  <td data-testid={`scope-${scope}`}>
                    {data.scopes.includes(scope) ? t('account.yes') : t('account.no')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <DocsToken />
        </>
      ) : null}
    </section>
  );
}
