import { useParams } from 'react-router';
import { useAccess } from '../../lib/access.ts';
import { useConnector } from '../../features/connectors/api/get-connector.ts';
import { TemplatesPanel } from '../../features/templates/components/templates-panel.tsx';

// Rendered inside connector-detail, which shows the loading and error states of the connector.
export function Component() {
  const { id = '' } = useParams();
  const { data } = useConnector(id);
  const { can: canWrite, readOnly } = useAccess('write:templates');
  if (!data) return null;
  return (
    <TemplatesPanel
      connectorId={id}
      signName={data.connector.signName}
      international={data.connector.international}
      canWrite={canWrite}
      readOnly={readOnly}
    />
  );
}
