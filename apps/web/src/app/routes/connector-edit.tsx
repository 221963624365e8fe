import { useParams } from 'react-router';
import { EditConnectorPage } from '../../features/connectors/components/edit-connector-page.tsx';

export function Component() {
  const { id = '' } = useParams();
  return <EditConnectorPage key={id} id={id} />;
}
