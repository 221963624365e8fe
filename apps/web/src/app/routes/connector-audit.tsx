import { useParams } from 'react-router';
import { AuditEventsTable } from '../../features/audit/components/audit-events-table.tsx';

export function Component() {
  const { id = '' } = useParams();
  return <AuditEventsTable filter={{ connectorId: id }} />;
}
