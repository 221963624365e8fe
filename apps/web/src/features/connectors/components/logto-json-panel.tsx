import { CopyButton } from '../../../components/copy-button.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { useLogtoConfig } from '../api/get-logto-config.ts';
import { useAccess } from '../../../lib/access.ts';

/** The configuration to paste into Logto's Tencent SMS connector editor, secret included. */
export function LogtoJsonPanel({ connectorId }: { connectorId: string }) {
  const { can: canWrite, readOnly } = useAccess('write:connectors');
  const { data, error, isPending } = useLogtoConfig(connectorId, canWrite);
  if (!canWrite && !readOnly) return <Loading />;
  if (readOnly) {
    return (
      <>
        <p>The Logto JSON contains the access key secret, so showing it needs write:connectors.</p>
        <ReadOnlyHint />
      </>
    );
  }
  if (isPending) return <Loading label="Loading the Logto JSON…" />;
  if (error) return <ErrorNotice error={error} title="The Logto JSON could not be loaded" />;
  const json = JSON.stringify(data, null, 2);
  return (
    <>
      <div className="notice notice-warn" role="note">
        This JSON contains the <strong>access key secret</strong> in plain text. Paste it only into Logto's
        connector editor (Connectors → Tencent SMS); do not share it, commit it or post it in a ticket.
      </div>
      <div className="row">
        <p className="help">
          Connector id <code>tencent-short-message-service</code>.
        </p>
        <span className="spacer" />
        <CopyButton text={json} />
      </div>
      <pre className="json" data-testid="logto-json">
        {json}
      </pre>
    </>
  );
}
