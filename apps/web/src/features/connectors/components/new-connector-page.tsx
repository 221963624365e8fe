import { useNavigate } from 'react-router';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { useCreateConnector } from '../api/create-connector.ts';
import { createBodyOf } from '../utils/connector-form.ts';
import { ConnectorForm } from './connector-form.tsx';
import { useAccess } from '../../../lib/access.ts';

export function NewConnectorPage() {
  const navigate = useNavigate();
  const { can: canWrite, readOnly } = useAccess('write:connectors');
  const create = useCreateConnector();
  return (
    <section className="panel">
      <h1>New connector</h1>
      {readOnly ? <ReadOnlyHint /> : null}
      <ConnectorForm
        readOnly={!canWrite}
        cancelTo="/connectors"
        onSubmit={async (values) => {
          const { connector } = await create.mutateAsync(createBodyOf(values));
          await navigate(`/connectors/${connector.id}`);
        }}
      />
    </section>
  );
}
