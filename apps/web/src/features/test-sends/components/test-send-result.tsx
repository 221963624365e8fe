import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { Loading } from '../../../components/spinner.tsx';
import { Time } from '../../../components/time.tsx';
import { UiLocalesDiagnosis } from '../../../components/ui-locales-diagnosis.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { awaitingDelivery, useTestSend } from '../api/get-test-send.ts';
import { attemptsLeftOf, useVerifyTestSend } from '../api/verify-test-send.ts';
import { uiLocalesTrapOf } from '../utils/ui-locales-trap.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { hasTranslation, translate } from '../../../lib/translate.ts';

export const deliveryTone = { pending: 'amber', delivered: 'green', failed: 'red' } as const;

/** One name per mode everywhere (form, result, history); a mode this build does not know shows as sent. */
export const modeName = (mode: string) => translate(`testSends:mode.${mode}`, { defaultValue: mode });

/**
 * A failed send's own sentence when its code is one of smsdesk's (TEMPLATE_NOT_FOUND from a Logto-exact
 * refusal, a Tencent error smsdesk maps); null for Tencent's raw codes, whose guidance comes from the API.
 */
export function failureSentence(send: Pick<TestSend, 'status' | 'tencent'>): string | null {
  if (send.status !== 'failed') return null;
  const key = `common:error.codes.${send.tencent.code}`;
  return hasTranslation(key) ? translate(key) : null;
}

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
  const { t } = useTranslation('testSends');
  const { data, error, isPending, refetch } = useTestSend(id);
  const queryClient = useQueryClient();
  const final = data ? !awaitingDelivery(data) : false;
  // The history shows the delivery too: refresh it once the report is final.
  useEffect(() => {
    if (final) void queryClient.invalidateQueries({ queryKey: queryKeys.testSends.lists });
  }, [final, queryClient]);

  if (isPending) return <Loading label={t('result.loading')} />;
  if (!data)
    return <ErrorNotice error={error} title={t('result.loadFailed')} onRetry={() => void refetch()} />;
  return (
    <section className="result-card" data-testid="test-send-result" aria-label={t('result.label')}>
      <TestSendSummary send={data} />
      <ErrorNotice error={error} title={t('result.refreshFailed')} onRetry={() => void refetch()} />
      {inboxUrl && data.status === 'sent' ? (
        <p>
          <a href={inboxUrl} target="_blank" rel="noreferrer">
            {t('result.inbox')}
          </a>
        </p>
      ) : null}
      {data.status === 'sent' ? <VerifyCode send={data} canSend={canSend} /> : null}
    </section>
  );
}

export function TestSendSummary({ send }: { send: TestSend }) {
  const { t } = useTranslation('testSends');
  const trap = uiLocalesTrapOf(send);
  const sentence = failureSentence(send);
  // Logto-exact fails before Tencent is asked when no template is mapped: there is no Tencent answer.
  const refusedBeforeSending = send.status === 'failed' && send.templateCode === null;
  return (
    <>
      <div className="row">
        <h3 className="grow">
          {send.status === 'sent' ? (
            <span className="badge badge-green" data-testid="send-status" data-status="sent">
              {t('status.sent')}
            </span>
          ) : (
            <span className="badge badge-red" data-testid="send-status" data-status="failed">
              {t('status.failed')}
            </span>
          )}{' '}
          {t('result.title', { usageType: send.usageType, phone: send.phoneNumberMasked })}
        </h3>
        <span className="muted">
          <Time value={send.createdAt} />
        </span>
      </div>
      {trap ? (
        // The diagnosis first, then the fix, then the API's words and Tencent's code.
        <UiLocalesDiagnosis
          locale={trap.locale}
          details={
            <p className="small">
              {send.guidance} <code>{send.tencent.code}</code>
            </p>
          }
        />
      ) : sentence ? (
        // The sentence first, then the API's specifics (which usage type, what to map).
        <div className="notice notice-error" role="note">
          <strong>{sentence}</strong>
          {send.guidance ? <p className="small">{send.guidance}</p> : null}
        </div>
      ) : send.guidance ? (
        <div className={`notice ${send.status === 'sent' ? 'notice-warn' : 'notice-error'}`} role="note">
          {send.guidance}
        </div>
      ) : null}
      <dl className="facts">
        <dt>{refusedBeforeSending ? t('result.refusedBeforeSending') : t('result.tencentAnswer')}</dt>
        <dd>
          <code>{send.tencent.code}</code> {send.tencent.message}
        </dd>
        <dt>{t('result.template')}</dt>
        <dd>{send.templateCode ? <code>{send.templateCode}</code> : t('result.noneMapped')}</dd>
        <dt>{t('result.mode')}</dt>
        <dd data-mode={send.mode}>{modeName(send.mode)}</dd>
        <dt>{t('result.serialNo')}</dt>
        <dd>
          {send.tencent.serialNo ? (
            <>
              <code>{send.tencent.serialNo}</code> <CopyButton text={send.tencent.serialNo} compact />
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('result.fee')}</dt>
        <dd>{send.tencent.fee ?? '—'}</dd>
        <dt>{t('result.requestId')}</dt>
        <dd>
          {send.tencent.requestId ? (
            <>
              <code>{send.tencent.requestId}</code> <CopyButton text={send.tencent.requestId} compact />
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('result.delivery')}</dt>
        <dd>
          <span
            className={`badge badge-${deliveryTone[send.delivery.status]}`}
            data-testid="delivery-status"
            data-status={send.delivery.status}
          >
            {t(`delivery.${send.delivery.status}`)}
          </span>
          {send.delivery.description ? <span className="muted"> {send.delivery.description}</span> : null}
          {send.delivery.receivedAt ? (
            <span className="muted">
              {' '}
              {t('result.deliveredAt')} <Time value={send.delivery.receivedAt} />
            </span>
          ) : null}
          {awaitingDelivery(send) ? <span className="muted"> {t('result.waiting')}</span> : null}
          {awaitingDelivery(send) ? (
            <p className="help" data-testid="pending-hint">
              {t('result.pendingHint')}
            </p>
          ) : null}
        </dd>
      </dl>
    </>
  );
}

function VerifyCode({ send, canSend }: { send: TestSend; canSend: boolean }) {
  const { t } = useTranslation('testSends');
  const verify = useVerifyTestSend();
  const [code, setCode] = useState('');

  if (send.verified) {
    return (
      <p>
        <span className="badge badge-green" data-testid="verified">
          {t('verify.verified')}
        </span>{' '}
        {t('verify.verifiedText')}
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
  const mismatch = isApiError(verify.error, 'CODE_MISMATCH');

  return (
    <form className="form verify-form" onSubmit={submit} noValidate>
      <div className="row align-end">
        <Field
          label={t('verify.label')}
          help={
            send.codeExpiresAt ? (
              <>
                {t('verify.validUntil')} <Time value={send.codeExpiresAt} />;{' '}
                {t('verify.attemptsLeft', { count: send.verifyAttemptsLeft })}
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
          {t('verify.submit')}
        </button>
      </div>
      {mismatch ? (
        <div className="notice notice-error" role="alert" data-testid="verify-mismatch">
          {t('verify.mismatch')}
          {left !== null ? ` ${t('verify.attemptsLeft', { count: left })}.` : ''}
        </div>
      ) : (
        <ErrorNotice error={verify.error} title={t('verify.notVerified')} />
      )}
      {expired && !verify.error ? <p className="muted">{t('verify.expired')}</p> : null}
    </form>
  );
}
