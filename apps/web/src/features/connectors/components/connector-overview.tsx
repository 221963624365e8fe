import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/copy-button.tsx';
import { Time } from '../../../components/time.tsx';
import { DeliveryCallbackPanel } from './delivery-callback-panel.tsx';
import { TemplateMappingTable } from './template-mapping-table.tsx';

export function ConnectorOverview({ connector }: { connector: Connector }) {
  const { t } = useTranslation(['connectors', 'common']);
  return (
    <>
      <dl className="facts">
        <dt>{t('overview.accessKeyId')}</dt>
        <dd className="copyable">
          <code>{connector.accessKeyId}</code>
          <CopyButton text={connector.accessKeyId} label={t('logtoJson.copyKeyId')} />
        </dd>
        <dt>{t('overview.accessKeySecret')}</dt>
        <dd>
          {connector.hasAccessKeySecret ? (
            t('overview.secretSet')
          ) : (
            <span className="badge badge-red">{t('overview.secretNotSet')}</span>
          )}
        </dd>
        <dt>{t('overview.signName')}</dt>
        <dd data-testid="fact-signName">{connector.signName}</dd>
        <dt>{t('overview.region')}</dt>
        <dd>
          <code>{connector.region}</code>
        </dd>
        <dt>{t('overview.sdkAppId')}</dt>
        <dd>
          <code>{connector.sdkAppId}</code>
        </dd>
        <dt>{t('overview.numbers')}</dt>
        <dd>{connector.international ? t('common:side.international') : t('common:side.mainland')}</dd>
        <dt>{t('overview.description')}</dt>
        <dd>{connector.description || '—'}</dd>
        <dt>{t('overview.created')}</dt>
        <dd>
          <Time value={connector.createdAt} />
        </dd>
        <dt>{t('overview.updated')}</dt>
        <dd>
          <Time value={connector.updatedAt} /> {t('overview.version', { version: connector.version })}
        </dd>
      </dl>
      <h2>{t('overview.mapping')}</h2>
      <TemplateMappingTable templates={connector.templates} />
      <DeliveryCallbackPanel connectorId={connector.id} />
    </>
  );
}
