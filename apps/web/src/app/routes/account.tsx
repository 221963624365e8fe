import { apiScopes } from '@smsdesk/shared/scopes';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Loading } from '../../components/spinner.tsx';
import { useMe } from '../../features/auth/api/get-me.ts';

export function Component() {
  const { data, error, isPending } = useMe();
  return (
    <section className="panel">
      <h1>Your access</h1>
      {isPending ? <Loading /> : null}
      <ErrorNotice error={error} />
      {data ? (
        <>
          <dl className="facts">
            <dt>Subject</dt>
            <dd>
              <code>{data.sub}</code>
            </dd>
            <dt>Application</dt>
            <dd>
              <code>{data.clientId ?? '—'}</code>
            </dd>
            <dt>Signed in with</dt>
            <dd>{data.authMethod === 'bearer' ? 'Access token (bearer)' : 'Server session (cookie)'}</dd>
          </dl>
          <table className="table">
            <thead>
              <tr>
                <th>Scope</th>
                <th>Granted</th>
              </tr>
            </thead>
            <tbody>
              {apiScopes.map((scope) => (
                <tr key={scope}>
                  <td>
                    <code>{scope}</code>
                  </td>
                  <td data-testid={`scope-${scope}`}>{data.scopes.includes(scope) ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
