import type { LogtoTenant } from '@smsdesk/shared/schemas/logto-tenants';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { Time } from '../../../components/time.tsx';
import { useAccess } from '../../../lib/access.ts';
import { useDeleteTenant } from '../api/delete-tenant.ts';
import { useTenants } from '../api/get-tenants.ts';
import { useVerifyTenant } from '../api/verify-tenant.ts';
import { TenantFormDialog } from './tenant-form-dialog.tsx';

/** List, add (with a connection test), edit, test and forget Logto tenants. */
export function TenantsPage() {
  const { t } = useTranslation(['logtoTenants', 'common']);
  const { data, error, isPending, refetch } = useTenants();
  const { can: canWrite, readOnly, reason } = useAccess('write:connectors');
  const [editing, setEditing] = useState<LogtoTenant | 'new' | null>(null);
  const [deleting, setDeleting] = useState<LogtoTenant | null>(null);
  const remove = useDeleteTenant();
  const verify = useVerifyTenant();
  const [tested, setTested] = useState<{ id: string; text: string } | null>(null);

  const addButton = (
    <button
      type="button"
      className="button primary"
      disabled={!canWrite}
      title={reason ?? undefined}
      onClick={() => setEditing('new')}
    >
      {t('list.add')}
    </button>
  );

  const test = async (tenant: LogtoTenant) => {
    setTested(null);
    const result = await verify.mutateAsync(tenant.id).catch(() => null);
    if (result)
      setTested({
        id: tenant.id,
        text: t('list.testOk', { name: tenant.name, factory: result.factoryName }),
      });
  };

  return (
    <section className="panel">
      <div className="row">
        <h1>{t('list.title')}</h1>
        <span className="spacer" />
        {data?.length ? addButton : null}
      </div>
      <p className="help">{t('list.intro')}</p>
      {readOnly ? <ReadOnlyHint reason={reason} /> : null}
      {isPending ? <Loading label={t('list.loading')} /> : null}
      <ErrorNotice error={error} title={t('list.loadFailed')} onRetry={() => void refetch()} />
      {data && data.length === 0 ? (
        <div className="empty-state">
          <p className="empty">{t('list.emptyTitle')}</p>
          <p className="help">{t('list.emptyHelp')}</p>
          <div className="row">{addButton}</div>
        </div>
      ) : null}
      {tested ? (
        <div className="notice notice-ok" role="status">
          {tested.text}
        </div>
      ) : null}
      <ErrorNotice error={verify.error} />
      {data?.length ? (
        <table className="table stack" aria-label={t('list.title')}>
          <thead>
            <tr>
              <th>{t('list.name')}</th>
              <th>{t('list.endpoint')}</th>
              <th>{t('list.appId')}</th>
              <th>{t('list.resource')}</th>
              <th>{t('list.verified')}</th>
              <th>{t('list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((tenant) => (
              <tr key={tenant.id}>
                <td data-label={t('list.name')}>{tenant.name}</td>
                <td data-label={t('list.endpoint')}>
                  <code>{tenant.endpoint}</code>
                </td>
                <td data-label={t('list.appId')}>
                  <code>{tenant.appId}</code>
                </td>
                <td data-label={t('list.resource')}>
                  <code>{tenant.managementApiResource}</code>
                </td>
                <td data-label={t('list.verified')}>
                  {tenant.verifiedAt ? <Time value={tenant.verifiedAt} /> : t('list.never')}
                </td>
                <td data-label={t('list.actions')}>
                  <div className="row">
                    <button
                      type="button"
                      className="button small"
                      disabled={!canWrite || verify.isPending}
                      title={reason ?? undefined}
                      onClick={() => void test(tenant)}
                    >
                      {verify.isPending && verify.variables === tenant.id
                        ? t('list.testing')
                        : t('list.test')}
                    </button>
                    <button
                      type="button"
                      className="button small"
                      disabled={!canWrite}
                      title={reason ?? undefined}
                      onClick={() => setEditing(tenant)}
                    >
                      {t('list.edit')}
                    </button>
                    <button
                      type="button"
                      className="button small danger"
                      disabled={!canWrite}
                      title={reason ?? undefined}
                      onClick={() => setDeleting(tenant)}
                    >
                      {t('list.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <TenantFormDialog tenant={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('list.deleteTitle', { name: deleting.name })}
          confirmLabel={t('list.delete')}
          danger
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        >
          <p>
            <Trans
              t={t}
              i18nKey="list.deleteBody"
              values={{ name: deleting.name }}
              components={{ strong: <strong /> }}
            />
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
