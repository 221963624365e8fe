import { useParams } from 'react-router';
import { useConnector } from '../../features/connectors/api/get-connector.ts';
import { LogtoTab } from '../../features/logto-tenants/components/logto-tab.tsx';
import { useAccess } from '../../lib/access.ts';

// The connector (connectors feature) and its Logto tenants (logto-tenants feature) meet here.
export function Component() {
  const { id = '' } = useParams();
  const { data } = useConnector(id);
  const { can: canWrite, reason } = useAccess('write:connectors');
  const { can: canSend } = useAccess('send:sms');
  if (!data) return null;
  return (
    <LogtoTab
      connector={data.connector}
      etag={data.etag}
      canWrite={canWrite}
      canSend={canSend}
      reason={reason}
    />
  );
}
