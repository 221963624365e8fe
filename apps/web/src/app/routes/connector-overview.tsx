import { useParams } from 'react-router';
import { useConnector } from '../../features/connectors/api/get-connector.ts';
import { ConnectorOverview } from '../../features/connectors/components/connector-overview.tsx';

// Rendered inside connector-detail, which shows the loading and error states of the same query.
export function Component() {
  const { id = '' } = useParams();
  const { data } = useConnector(id);
  return data ? <ConnectorOverview connector={data.connector} /> : null;
}
