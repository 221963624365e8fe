import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { Time } from '../../../components/time.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { awaitingDelivery, useTestSend } from '../api/get-test-send.ts';
import { attemptsLeftOf, useVerifyTestSend } from '../api/verify-test-send.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

const deliveryTone = { pending: 'amber', delivered: 'green', failed: 'red' } as const;

/** The outcome of one test send; its delivery report updates by itself while pending. */
export function TestSendResult({
  id,
  canSend,
  inboxUrl,
}: {
  id: string;
  canSend: boolean;
  /** The emulator's inbox for the number, in development. */
  inboxUrl?: string | null;
}) {
  const { data, error, isPending } = useTestSend(id);
  const queryClient = useQueryClient();
  const final = data ? !awaitingDelivery(data) : false;
  // The history shows the delivery too: refresh it once the report is final.
  useEffect(() => {
    if (final) void queryClient.invalidateQueries({ queryKey: queryKeys.testSends.lists });
  }, [final, queryClient]);

  if (isPending) return <Loading label="Loading the test send…" />;
  if (!data) return <ErrorNotice error={error} title="The test send could not be loaded" />;
  return (
    <section className="result-card" data-testid="test-send-result" aria-label="Test send result">
      <TestSendSummary send={data} />
      <ErrorNotice error={error} title="The delivery report could not be refreshed" />
      {inboxUrl && data.status === 'sent' ? (
        <p>
          <a href={inboxUrl} target="_blank" rel="noreferrer">
            Open the emulator's inbox for this number
          </a>
        </p>
      ) : null}
      {data.status === 'sent' ? <VerifyCode send={data} canSend={canSend} /> : null}
    </section>
  );
}

export function TestSendSummary({ send }: { send: TestSend }) {
  return (
    <>
      <div className="row">
        <h3 className="grow">
          {send.status === 'sent' ? (
            <span className="badge badge-green" data-testid="send-status">
              sent
            </span>
          ) : (
            <span className="badge badge-red" data-testid="send-status">
              failed
            </span>
          )}{' '}
          {send.usageType} to {send.phoneNumberMasked}
        </h3>
        <span className="muted">
          <Time value={send.createdAt} />
        </span>
      </div>
      {send.guidance ? (
        <div className={`notice ${send.status === 'sent' ? 'notice-warn' : 'notice-error'}`} role="note">
          {send.guidance}
        </div>
      ) : null}
      <dl className="facts">
        <dt>Tencent's answer</dt>
        <dd>
          <code>{send.tencent.code}</code> {send.tencent.message}
        </dd>
        <dt>Template</dt>
        <dd>{send.templateCode ? <code>{send.templateCode}</code> : 'none mapped'}</dd>
        <dt>Mode</dt>
        <dd>{send.mode === 'logto' ? 'Logto-exact' : 'smsdesk'}</dd>
        <dt>Serial number</dt>
        <dd>{send.tencent.serialNo ? <code>{send.tencent.serialNo}</code> : '—'}</dd>
        <dt>Fee</dt>
        <dd>{send.tencent.fee ?? '—'}</dd>
        <dt>Request id</dt>
        <dd>{send.tencent.requestId ? <code>{send.tencent.requestId}</code> : '—'}</dd>
        <dt>Delivery</dt>
        <dd>
          <span
            className={`badge badge-${deliveryTone[send.delivery.status]}`}
            data-testid="delivery-status"
            data-status={send.delivery.status}
          >
            {send.delivery.status}
          </span>
          {send.delivery.description ? <span className="muted"> {send.delivery.description}</span> : null}
          {send.delivery.receivedAt ? (
            <span className="muted">
              {' '}
              at <Time value={send.delivery.receivedAt} />
            </span>
          ) : null}
          {awaitingDelivery(send) ? <span className="muted"> (waiting for Tencent's report…)</span> : null}
        </dd>
      </dl>
    </>
  );
}

function VerifyCode({ send, canSend }: { send: TestSend; canSend: boolean }) {
  const verify = useVerifyTestSend();
  const [code, setCode] = useState('');

  if (send.verified) {
    return (
      <p>
        <span className="badge badge-green" data-testid="verified">
          Verified
        </span>{' '}
        The code that arrived is the one smsdesk sent.
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ id: send.id, code: code.trim() });
  };
  const expired = send.codeExpiresAt !== null && Date.parse(send.codeExpiresAt) < Date.now();
  const exhausted = send.verifyAttemptsLeft === 0;
  const left = attemptsLeftOf(verify.error);
  const mismatch = verify.error instanceof ApiError && verify.error.code === 'CODE_MISMATCH';

  return (
    <form className="form verify-form" onSubmit={submit} noValidate>
      <div className="row align-end">
        <Field
          label="Enter the code you received"
          help={
            send.codeExpiresAt ? (
              <>
                Valid until <Time value={send.codeExpiresAt} />; {send.verifyAttemptsLeft} attempts left
              </>
            ) : null
          }
        >
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              pattern="[0-9]{6}"
              value={code}
              disabled={!canSend || exhausted}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
          )}
        </Field>
        <button
          type="submit"
          className="button primary"
          disabled={!canSend || verify.isPending || exhausted || code.length !== 6}
        >
          Verify
        </button>
      </div>
      {mismatch ? (
        <div className="notice notice-error" role="alert" data-testid="verify-mismatch">
          That is not the code that was sent
          {left !== null ? `: ${left === 1 ? 'one attempt' : `${left} attempts`} left` : ''}.
        </div>
      ) : (
        <ErrorNotice error={verify.error} title="Not verified" />
      )}
      {expired && !verify.error ? <p className="muted">The code has expired: send a new one.</p> : null}
    </form>
  );
}
