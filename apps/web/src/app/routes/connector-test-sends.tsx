import { useParams, useSearchParams } from 'react-router';
import { env } from '../../config/env.ts';
import { useAccess } from '../../lib/access.ts';
import { useConnector } from '../../features/connectors/api/get-connector.ts';
import { useRecentCheck } from '../../features/health/api/run-check.ts';
import { TestSendsPanel } from '../../features/test-sends/components/test-sends-panel.tsx';
import { usageTypeNotes } from '../../features/test-sends/utils/usage-type-notes.ts';

export function Component() {
  const { id = '' } = useParams();
  const { data } = useConnector(id);
  const check = useRecentCheck(id);
  const { can: canSend, readOnly } = useAccess('send:sms');
  // The open send lives in the address (?send=<id>): a reload keeps a pending code verifiable.
  const [search, setSearch] = useSearchParams();
  if (!data) return null;
  return (
    <TestSendsPanel
      connectorId={id}
      international={data.connector.international}
      usageTypeNotes={usageTypeNotes(check.data, data.connector.templates)}
      canSend={canSend}
      readOnly={readOnly}
      emulatorUrl={env.emulatorUrl}
      openSendId={search.get('send')}
      onOpenSend={(send) =>
        setSearch(
          (current) => {
            const next = new URLSearchParams(current);
            if (send) next.set('send', send);
            else next.delete('send');
            return next;
          },
          { replace: true },
        )
      }
    />
  );
}
