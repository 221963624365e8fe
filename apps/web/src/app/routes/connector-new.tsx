import { NewConnectorPage } from '../../features/connectors/components/new-connector-page.tsx';

export function Component() {
  return <NewConnectorPage />;
}
