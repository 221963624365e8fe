import { ConnectorsPage } from '../../features/connectors/components/connectors-page.tsx';
import { CheckVerdictCell } from '../../features/health/components/check-verdict.tsx';

// The list (connectors feature) shows each connector's last check verdict (health feature): composed here.
export function Component() {
  return <ConnectorsPage verdict={(c) => <CheckVerdictCell connectorId={c.id} updatedAt={c.updatedAt} />} />;
}
