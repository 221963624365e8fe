import { ConnectorsPage } from '../../features/connectors/components/connectors-page.tsx';

export function Component() {
  return <ConnectorsPage />;
}
