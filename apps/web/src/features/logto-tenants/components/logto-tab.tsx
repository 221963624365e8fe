import type { Connector } from '@smsdesk/shared/schemas/connectors';
import type { PushResult } from '@smsdesk/shared/schemas/logto-tenants';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { useDrift } from '../api/get-drift.ts';
import { useTenantSmsConnector } from '../api/get-sms-connector.ts';
import { useTenants } from '../api/get-tenants.ts';
import { useImportFromTenant } from '../api/import-from-tenant.ts';
import { usePushConnector } from '../api/push-connector.ts';
import { DriftTable } from './drift-table.tsx';
import { TenantSends } from './tenant-sends.tsx';

const tencentFactoryId = 'tencent-short-message-service';

export interface LogtoTabProps {
  connector: Connector;
  etag: string;
  canWrite: boolean;
  canSend: boolean;
  /** Why change controls are disabled (the missing scope), for their tooltip. */
  reason: string | null;
}

/** A connector's "Logto" tab: pick a tenant, see the drift, push, import, send through the tenant. */
export function LogtoTab({ connector, etag, canWrite, canSend, reason }: LogtoTabProps) {
  const { t } = useTranslation(['logtoTenants', 'common']);
  const tenants = useTenants();
  const [chosen, setChosen] = useState<string | null>(null);
  const tenantId = chosen ?? tenants.data?.[0]?.id ?? null;
  const tenant = tenants.data?.find((item) => item.id === tenantId) ?? null;
  const drift = useDrift(connector.id, tenantId, connector.version);
  const live = useTenantSmsConnector(tenantId);
  const push = usePushConnector();
  const importer = useImportFromTenant();
  const [confirming, setConfirming] = useState(false);
  const [pushed, setPushed] = useState<PushResult | null>(null);
  const [importName, setImportName] = useState('');

  if (tenants.isPending) return <Loading label={t('list.loading')} />;
  if (tenants.error) return <ErrorNotice error={tenants.error} onRetry={() => void tenants.refetch()} />;
  if (!tenants.data.length || !tenant) {
    return (
      <div className="empty-state">
        <p className="empty">{t('tab.noTenants')}</p>
        <Link to="/logto-tenants" className="button">
          {t('tab.addTenant')}
        </Link>
      </div>
    );
  }

  const other = live.data?.present && live.data.factoryId !== tencentFactoryId ? live.data.factoryId : null;
  const doPush = () =>
    push.mutate(
      { connectorId: connector.id, etag, tenantId: tenant.id, replaceExisting: other !== null },
      {
        onSuccess: (result) => {
          setPushed(result);
          setConfirming(false);
        },
      },
    );
  const doImport = (event: FormEvent) => {
    event.preventDefault();
    if (importName.trim()) importer.mutate({ tenantId: tenant.id, name: importName.trim() });
  };

  return (
    <div className="form">
      <div className="row align-start">
        <Field label={t('tab.tenant')}>
          {(p) => (
            <select
              {...p}
              value={tenant.id}
              onChange={(e) => {
                setChosen(e.target.value);
                setPushed(null);
                push.reset();
              }}
            >
              {tenants.data.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name} — {item.endpoint}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <section aria-label={t('tab.liveConnector')}>
        {live.data && !live.data.present ? <p className="help">{t('tab.noSmsConnector')}</p> : null}
        {other ? (
          <div className="notice notice-warn" role="note">
            {t('tab.otherConnector', { factory: other })}
          </div>
        ) : null}
        {live.data?.present && !other && live.data.logtoConnectorId ? (
          <p className="help">{t('tab.tencentConnector', { id: live.data.logtoConnectorId })}</p>
        ) : null}
      </section>

      <section aria-label={t('tab.driftTitle')}>
        <h2>{t('tab.driftTitle')}</h2>
        {drift.isPending ? <Loading label={t('tab.driftLoading')} /> : null}
        <ErrorNotice error={drift.error} title={t('tab.driftFailed')} onRetry={() => void drift.refetch()} />
        {drift.data?.inSync ? (
          <div className="notice notice-ok" role="status" data-testid="drift-verdict">
            {t('tab.inSync')}
          </div>
        ) : null}
        {drift.data && !drift.data.inSync ? (
          <>
            <p data-testid="drift-verdict">
              <strong>{t('tab.outOfSync', { count: drift.data.differences.length })}</strong>
            </p>
            <DriftTable differences={drift.data.differences} />
          </>
        ) : null}
        {!connector.hasAccessKeySecret ? <p className="help">{t('tab.pushNeedsSecret')}</p> : null}
        <div className="row">
          <button
            type="button"
            className="button primary"
            disabled={!canWrite || !connector.hasAccessKeySecret || !drift.data || drift.data.inSync}
            title={reason ?? undefined}
            onClick={() => {
              push.reset();
              setConfirming(true);
            }}
          >
            {t('tab.push')}
          </button>
        </div>
        {pushed ? (
          <div className="notice notice-ok" role="status">
            {t('tab.pushed', { action: t(`tab.${pushed.action}`), id: pushed.logtoConnectorId })}
          </div>
        ) : null}
      </section>

      <section aria-label={t('tab.import')}>
        <h2>{t('tab.import')}</h2>
        <form className="row align-start" onSubmit={doImport} noValidate>
          <Field label={t('tab.importName')} help={t('tab.importHelp')}>
            {(p) => (
              <input
                {...p}
                value={importName}
                disabled={!canWrite}
                onChange={(e) => setImportName(e.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className="button"
            disabled={
              !canWrite || importer.isPending || !importName.trim() || !live.data?.present || other !== null
            }
            title={reason ?? undefined}
          >
            {t('tab.importSubmit')}
          </button>
        </form>
        <ErrorNotice error={importer.error} />
        {importer.data ? (
          <div className="notice notice-ok" role="status">
            {t('tab.imported', { name: importer.data.name })}{' '}
            <Link to={`/connectors/${importer.data.id}`}>{t('tab.openImported')}</Link>
          </div>
        ) : null}
      </section>

      <TenantSends connectorId={connector.id} tenantId={tenant.id} canSend={canSend} />

      {confirming && drift.data ? (
        <ConfirmDialog
          title={t('tab.pushTitle', { tenant: tenant.name })}
          confirmLabel={other ? t('tab.pushReplaceConfirm') : t('tab.pushConfirm')}
          danger={other !== null}
          pending={push.isPending}
          error={push.error}
          onCancel={() => setConfirming(false)}
          onConfirm={doPush}
        >
          {live.data?.present && !other ? <p>{t('tab.pushBody')}</p> : <p>{t('tab.pushCreate')}</p>}
          {other ? (
            <div className="notice notice-warn" role="alert">
              {t('tab.pushReplace', { factory: other })}
            </div>
          ) : null}
          <DriftTable differences={drift.data.differences} />
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
