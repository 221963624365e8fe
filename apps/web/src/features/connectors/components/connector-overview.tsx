import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { Time } from '../../../components/time.tsx';
import { TemplateMappingTable } from './template-mapping-table.tsx';

export function ConnectorOverview({ connector }: { connector: Connector }) {
  return (
    <>
      <dl className="facts">
        <dt>Access key ID</dt>
        <dd>
          <code>{connector.accessKeyId}</code>
        </dd>
        <dt>Access key secret</dt>
        <dd>
          {connector.hasAccessKeySecret ? (
            'set (write-only)'
          ) : (
            <span className="badge badge-red">not set</span>
          )}
        </dd>
        <dt>Sign name</dt>
        <dd data-testid="fact-signName">{connector.signName}</dd>
        <dt>Region</dt>
        <dd>
          <code>{connector.region}</code>
        </dd>
        <dt>SDK app id</dt>
        <dd>
          <code>{connector.sdkAppId}</code>
        </dd>
        <dt>Numbers</dt>
        <dd>{connector.international ? 'International' : 'Mainland China'}</dd>
        <dt>Description</dt>
        <dd>{connector.description || '—'}</dd>
        <dt>Created</dt>
        <dd>
          <Time value={connector.createdAt} />
        </dd>
        <dt>Updated</dt>
        <dd>
          <Time value={connector.updatedAt} /> (version {connector.version})
        </dd>
      </dl>
      <h2>Template mapping</h2>
      <TemplateMappingTable templates={connector.templates} />
    </>
  );
}
