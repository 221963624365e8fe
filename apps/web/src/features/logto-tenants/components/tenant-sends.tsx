import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { type TenantMode, useSendThroughTenant, useVerifyTenantSend } from '../api/send-through-tenant.ts';

/** The two sends through a tenant, each with the sentence of what it proves, then the code check. */
export function TenantSends({
  connectorId,
  tenantId,
  canSend,
}: {
  connectorId: string;
  tenantId: string;
  canSend: boolean;
}) {
  const { t } = useTranslation('logtoTenants');
  const [mode, setMode] = useState<TenantMode>('logto-live');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<TestSend | null>(null);
  const send = useSendThroughTenant();
  const verify = useVerifyTenantSend();
  const labelId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    verify.reset();
    setCode('');
    send.mutate({ connectorId, tenantId, mode, phoneNumber: phone.trim() }, { onSuccess: setSent });
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (sent) verify.mutate({ id: sent.id, code: code.trim() });
  };
  const modes: { value: TenantMode; label: string; proves: string }[] = [
    { value: 'logto-test', label: t('tab.modeTest'), proves: t('tab.modeTestProves') },
    { value: 'logto-live', label: t('tab.modeLive'), proves: t('tab.modeLiveProves') },
  ];

  return (
    <section className="form" aria-labelledby={labelId}>
      <h2 id={labelId}>{t('tab.sendsTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="plain" disabled={!canSend || send.isPending}>
          <div className="radios" role="radiogroup" aria-label={t('tab.sendsTitle')}>
            {modes.map((m) => (
              <label key={m.value} className="checkbox">
                <input
                  type="radio"
                  name="tenant-mode"
                  value={m.value}
                  checked={mode === m.value}
                  onChange={() => setMode(m.value)}
                />
                <span>
                  <strong>{m.label}</strong> — {m.proves}
                </span>
              </label>
            ))}
          </div>
          <Field label={t('tab.phone')} help={t('tab.phoneHelp')}>
            {(p) => (
              <input
                {...p}
                type="tel"
                autoComplete="off"
                placeholder="+8613800138000"
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
              />
            )}
          </Field>
          <div className="row">
            <button
              type="submit"
              className="button primary"
              disabled={!canSend || send.isPending || !phone.trim()}
            >
              {t('tab.send')}
            </button>
            {send.isPending ? <span className="muted">{t('tab.sending')}</span> : null}
          </div>
        </fieldset>
      </form>
      <ErrorNotice error={send.error} />
      {sent ? (
        <div className={`notice ${sent.status === 'sent' ? 'notice-ok' : 'notice-error'}`} role="status">
          <p>
            {sent.status === 'sent'
              ? t('tab.sent', { phone: sent.phoneNumberMasked })
              : t('tab.failed', { code: sent.tencent.code })}
          </p>
          {sent.status === 'failed' ? <p className="hint">{sent.guidance ?? sent.tencent.message}</p> : null}
          {sent.logto?.liveConnectorInSync === true ? <p className="hint">{t('tab.liveInSync')}</p> : null}
          {sent.logto?.liveConnectorInSync === false ? (
            <p className="hint">{t('tab.liveOutOfSync')}</p>
          ) : null}
        </div>
      ) : null}
      {sent?.status === 'sent' ? (
        <form className="row align-start" onSubmit={check} noValidate>
          <Field label={t('tab.code')} help={sent.mode === 'logto-test' ? t('tab.codeTestHelp') : undefined}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button" disabled={verify.isPending || code.trim().length !== 6}>
            {t('tab.verify')}
          </button>
        </form>
      ) : null}
      <ErrorNotice error={verify.error} />
      {verify.isSuccess ? (
        <div className="notice notice-ok" role="status">
          {t('tab.verified')}
        </div>
      ) : null}
    </section>
  );
}
