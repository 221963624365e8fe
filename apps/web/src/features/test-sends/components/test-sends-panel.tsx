import type { UsageType } from '@smsdesk/shared/usage-types';
import { useState } from 'react';
import { ReadOnlyHint } from '../../../components/read-only-hint.tsx';
import { useCreateTestSend } from '../api/create-test-send.ts';
import { e164Of } from '../utils/test-send-form.ts';
import { TestSendForm } from './test-send-form.tsx';
import { TestSendResult } from './test-send-result.tsx';
import { TestSendsHistory } from './test-sends-history.tsx';

export interface TestSendsPanelProps {
  connectorId: string;
  international: boolean;
  usageTypeNotes?: Partial<Record<UsageType, string>>;
  /** The caller holds send:sms. */
  canSend: boolean;
  /** It is known that the caller lacks send:sms. */
  readOnly: boolean;
  /** The Tencent emulator's base URL in development, for the inbox link; null elsewhere. */
  emulatorUrl: string | null;
}

/** The Test sends tab: send a real code, verify it, watch the delivery report; the history below. */
export function TestSendsPanel({
  connectorId,
  international,
  usageTypeNotes,
  canSend,
  readOnly,
  emulatorUrl,
}: TestSendsPanelProps) {
  const create = useCreateTestSend(connectorId);
  const [last, setLast] = useState<{ id: string; e164: string | null } | null>(null);
  const inboxUrl =
    emulatorUrl && last?.e164
      ? `${emulatorUrl}/__emulator/inbox?phone=${encodeURIComponent(last.e164)}`
      : null;

  return (
    <>
      <h2>Send a test code</h2>
      <p className="muted">
        Sends a real 6-digit code through Tencent with this connector's credentials and the template mapped to
        the usage type, then lets you check that the code which arrived is the one sent.
      </p>
      {readOnly ? <ReadOnlyHint /> : null}
      <TestSendForm
        international={international}
        usageTypeNotes={usageTypeNotes}
        canSend={canSend}
        onSubmit={async (body) => {
          const sent = await create.mutateAsync(body);
          setLast({ id: sent.id, e164: e164Of(body) });
        }}
      />
      {last ? <TestSendResult key={last.id} id={last.id} canSend={canSend} inboxUrl={inboxUrl} /> : null}
      <h2>History</h2>
      <TestSendsHistory connectorId={connectorId} />
    </>
  );
}
