import type { UsageType } from '@smsdesk/shared/usage-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  /**
   * The send whose card is open, kept by the caller (the route keeps it in the address, so a pending
   * send can still be verified after a reload); the panel keeps it itself when these are absent.
   */
  openSendId?: string | null;
  onOpenSend?: (id: string | null) => void;
}

/** The Test sends tab: send a real code, verify it, watch the delivery report; the history below. */
export function TestSendsPanel({
  connectorId,
  international,
  usageTypeNotes,
  canSend,
  readOnly,
  emulatorUrl,
  openSendId,
  onOpenSend,
}: TestSendsPanelProps) {
  const { t } = useTranslation('testSends');
  const create = useCreateTestSend(connectorId);
  const [ownOpen, setOwnOpen] = useState<string | null>(null);
  const open = onOpenSend ? (openSendId ?? null) : ownOpen;
  const setOpen = onOpenSend ?? setOwnOpen;
  // The number as typed is known only for a send made in this page view (the API keeps it masked).
  const [typed, setTyped] = useState<{ id: string; e164: string | null } | null>(null);
  const e164 = typed && typed.id === open ? typed.e164 : null;
  const inboxUrl =
    emulatorUrl && e164 ? `${emulatorUrl}/__emulator/inbox?phone=${encodeURIComponent(e164)}` : null;

  return (
    <>
      <h2>{t('panel.title')}</h2>
      <p className="muted">{t('panel.intro')}</p>
      {readOnly ? <ReadOnlyHint /> : null}
      <TestSendForm
        international={international}
        connectorId={connectorId}
        usageTypeNotes={usageTypeNotes}
        canSend={canSend}
        onSubmit={async (body) => {
          // A refused send clears the previous send's card: it must not look like this send's result.
          setOpen(null);
          const sent = await create.mutateAsync(body);
          setTyped({ id: sent.id, e164: e164Of(body) });
          setOpen(sent.id);
        }}
      />
      {open ? <TestSendResult key={open} id={open} canSend={canSend} inboxUrl={inboxUrl} /> : null}
      <h2>{t('panel.history')}</h2>
      <TestSendsHistory
        connectorId={connectorId}
        onOpen={(id) => {
          setOpen(id);
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>('[data-testid="test-send-result"]')?.scrollIntoView?.(),
          );
        }}
      />
    </>
  );
}
