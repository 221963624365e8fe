import { fieldIssues } from '@smsdesk/shared/field-issues';
import {
  type CreateTestSend,
  CreateTestSendSchema,
  type TestSendMode,
} from '@smsdesk/shared/schemas/test-sends';
import { type UsageType, usageTypes } from '@smsdesk/shared/usage-types';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { localFieldErrors, serverFieldErrors } from '../../../lib/field-message.ts';
import {
  buildTestSendBody,
  countries,
  countryName,
  initialTestSendValues,
  type TestSendFormValues,
} from '../utils/test-send-form.ts';
import { PhoneUsageNote } from './phone-usage-note.tsx';

// The tenant modes (logto-test, logto-live) are sent from the connector's Logto tab, where a tenant is picked.
const modes: readonly Extract<TestSendMode, 'smsdesk' | 'logto'>[] = ['smsdesk', 'logto'];

export interface TestSendFormProps {
  international: boolean;
  /** With it, the form shows Tencent's frequency limits and today's use of the number before a send. */
  connectorId?: string;
  /** A short status per usage type for the select: from the last check, else from the mapping. */
  usageTypeNotes?: Partial<Record<UsageType, string>>;
  canSend: boolean;
  /** Sends the body; throws the ApiError of a refusal, whose field errors the form shows at the fields. */
  onSubmit: (body: CreateTestSend) => Promise<void>;
}

const knownFields = ['phoneNumber', 'country', 'usageType', 'mode', 'uiLocales'] as const;

export function TestSendForm({
  international,
  connectorId,
  usageTypeNotes = {},
  canSend,
  onSubmit,
}: TestSendFormProps) {
  const { t, i18n } = useTranslation('testSends');
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => initialTestSendValues(international));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const modeLabelId = useId();
  const modeHelpId = useId();

  const set = <K extends keyof TestSendFormValues>(key: K, value: TestSendFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setFieldErrors(({ [key]: _, ...rest }) => rest);
  };

  // The first field in the form's order that has an error gets the focus, once React has rendered it.
  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]:not(:disabled)')?.focus(),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setFieldErrors({});
    if (values.phoneNumber.trim() === '') {
      setFieldErrors({ phoneNumber: t('form.phoneRequired') });
      focusFirstInvalid();
      return;
    }
    const body = buildTestSendBody(values);
    // The API's own schema, checked in the browser first: a refusal never needs the round trip.
    const local = localFieldErrors('testSends', fieldIssues(CreateTestSendSchema, body));
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      focusFirstInvalid();
      return;
    }
    setPending(true);
    try {
      await onSubmit(body);
    } catch (error) {
      const fields = error instanceof ApiError ? serverFieldErrors('testSends', error) : {};
      const placed = Object.fromEntries(
        Object.entries(fields).filter(([k]) => (knownFields as readonly string[]).includes(k)),
      );
      setFieldErrors(placed);
      if (Object.keys(placed).length === 0 || Object.keys(placed).length !== Object.keys(fields).length)
        setFailure(error);
      if (Object.keys(placed).length > 0) focusFirstInvalid();
    } finally {
      setPending(false);
    }
  };

  return (
    <form ref={formRef} className="form test-send-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="plain" disabled={!canSend || pending}>
        <div className="form">
          <div className="row align-start">
            <Field label={t('form.country')} error={fieldErrors.country}>
              {(p) => (
                <select {...p} value={values.country} onChange={(e) => set('country', e.target.value)}>
                  {countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} +{c.dial} {countryName(c.code, i18n.language)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="grow">
              <Field label={t('form.phoneNumber')} error={fieldErrors.phoneNumber} help={t('form.phoneHelp')}>
                {(p) => (
                  <input
                    {...p}
                    type="tel"
                    autoComplete="off"
                    placeholder={international ? '+14155550123' : '13800138000'}
                    value={values.phoneNumber}
                    onChange={(e) => set('phoneNumber', e.target.value)}
                  />
                )}
              </Field>
              {connectorId && canSend && values.phoneNumber.trim() ? (
                <PhoneUsageNote
                  connectorId={connectorId}
                  phoneNumber={buildTestSendBody(values).phoneNumber}
                  country={buildTestSendBody(values).country}
                />
              ) : null}
            </div>
          </div>
          <Field label={t('form.usageType')} error={fieldErrors.usageType} help={t('form.usageTypeHelp')}>
            {(p) => (
              <select
                {...p}
                value={values.usageType}
                onChange={(e) => set('usageType', e.target.value as UsageType)}
              >
                {usageTypes.map((u) => (
                  <option key={u} value={u}>
                    {usageTypeNotes[u] ? `${u} — ${usageTypeNotes[u]}` : u}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field">
            <span className="label" id={modeLabelId}>
              {t('form.mode')}
            </span>
            <div
              role="radiogroup"
              aria-labelledby={modeLabelId}
              aria-describedby={modeHelpId}
              className="radios"
            >
              {modes.map((m) => (
                <label key={m} className="checkbox">
                  <input
                    type="radio"
                    name="mode"
                    value={m}
                    checked={values.mode === m}
                    onChange={() => set('mode', m)}
                  />
                  {t(`form.modes.${m}.label`)}
                </label>
              ))}
            </div>
            <span id={modeHelpId} className="help">
              {t(`form.modes.${values.mode === 'logto' ? 'logto' : 'smsdesk'}.explanation`)}
            </span>
            {fieldErrors.mode ? <span className="field-error">{fieldErrors.mode}</span> : null}
          </div>
          <Field
            label={t('form.uiLocales')}
            error={fieldErrors.uiLocales}
            help={values.mode === 'logto' ? t('form.uiLocalesHelpLogto') : t('form.uiLocalesHelpOther')}
          >
            {(p) => (
              <input
                {...p}
                placeholder="zh-CN"
                disabled={values.mode !== 'logto'}
                value={values.uiLocales}
                onChange={(e) => set('uiLocales', e.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>
      {/* One notice per problem: a 429 says when to retry inside it, in minutes and clock time. */}
      <ErrorNotice error={failure} title={t('form.notSent')} />
      <div className="row">
        <button type="submit" className="button primary" disabled={!canSend || pending}>
          {t('form.send')}
        </button>
        {pending ? <span className="muted">{t('form.sending')}</span> : null}
      </div>
    </form>
  );
}
