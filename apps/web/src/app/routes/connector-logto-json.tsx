import { useParams } from 'react-router';
import { LogtoJsonPanel } from '../../features/connectors/components/logto-json-panel.tsx';

export function Component() {
  const { id = '' } = useParams();
  return <LogtoJsonPanel key={id} connectorId={id} />;
}
