import type { CreateTestSend, TestSendMode } from '@smsdesk/shared/schemas/test-sends';
import { type UsageType, usageTypes } from '@smsdesk/shared/usage-types';
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import {
  buildTestSendBody,
  countries,
  initialTestSendValues,
  type TestSendFormValues,
} from '../utils/test-send-form.ts';

const modes: { value: TestSendMode; label: string; explanation: string }[] = [
  {
    value: 'smsdesk',
    label: 'smsdesk — E.164 and just the code',
    explanation: 'Sends the number with + and only the 6-digit code: checks the template and the account.',
  },
  {
    value: 'logto',
    label: "Logto-exact — what Logto's connector sends",
    explanation:
      'Digits without +, the code plus ui_locales when present, no fallback to Generic: reproduces what a sign-in does, failures included.',
  },
];

export interface TestSendFormProps {
  international: boolean;
  /** A short status per usage type for the select: from the last check, else from the mapping. */
  usageTypeNotes?: Partial<Record<UsageType, string>>;
  canSend: boolean;
  /** Sends the body; throws the ApiError of a refusal, whose field errors the form shows at the fields. */
  onSubmit: (body: CreateTestSend) => Promise<void>;
}

const knownFields = ['phoneNumber', 'country', 'usageType', 'mode', 'uiLocales'] as const;

export function TestSendForm({ international, usageTypeNotes = {}, canSend, onSubmit }: TestSendFormProps) {
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setFieldErrors({});
    if (values.phoneNumber.trim() === '') {
      setFieldErrors({ phoneNumber: 'Enter the number to send the code to' });
      return;
    }
    setPending(true);
    try {
      await onSubmit(buildTestSendBody(values));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      const placed = Object.fromEntries(
        Object.entries(fields).filter(([k]) => (knownFields as readonly string[]).includes(k)),
      );
      setFieldErrors(placed);
      if (Object.keys(placed).length === 0 || Object.keys(placed).length !== Object.keys(fields).length)
        setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const mode = modes.find((m) => m.value === values.mode) ?? modes[0]!;

  return (
    <form className="form test-send-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="plain" disabled={!canSend || pending}>
        <div className="form">
          <div className="row align-start">
            <Field label="Country" error={fieldErrors.country}>
              {(p) => (
                <select {...p} value={values.country} onChange={(e) => set('country', e.target.value)}>
                  {countries.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} +{c.dial} {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="grow">
              <Field
                label="Phone number"
                error={fieldErrors.phoneNumber}
                help="National number with the country, or E.164 with + (then the country is ignored)"
              >
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
            </div>
          </div>
          <Field label="Usage type" error={fieldErrors.usageType} help="The template mapped to it is sent">
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
              Mode
            </span>
            <div
              role="radiogroup"
              aria-labelledby={modeLabelId}
              aria-describedby={modeHelpId}
              className="radios"
            >
              {modes.map((m) => (
                <label key={m.value} className="checkbox">
                  <input
                    type="radio"
                    name="mode"
                    value={m.value}
                    checked={values.mode === m.value}
                    onChange={() => set('mode', m.value)}
                  />
                  {m.label}
                </label>
              ))}
            </div>
            <span id={modeHelpId} className="help">
              {mode.explanation}
            </span>
            {fieldErrors.mode ? <span className="field-error">{fieldErrors.mode}</span> : null}
          </div>
          <Field
            label="ui_locales (optional)"
            error={fieldErrors.uiLocales}
            help={
              values.mode === 'logto'
                ? 'As a sign-in request carries it, e.g. zh-CN: Logto then sends it as a second parameter, which a single-{1} template refuses'
                : 'Only sent in Logto-exact mode'
            }
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
      <RetryAfter error={failure} />
      <ErrorNotice error={failure} title="Not sent" />
      <div className="row">
        <button type="submit" className="button primary" disabled={!canSend || pending}>
          Send test code
        </button>
        {pending ? <span className="muted">Sending…</span> : null}
      </div>
    </form>
  );
}

function RetryAfter({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.status !== 429) return null;
  const seconds = Number(error.headers?.get('retry-after'));
  return (
    <div className="notice notice-warn">
      Too many test sends
      {Number.isFinite(seconds) && seconds > 0 ? `: try again in ${seconds} s` : ': wait a moment'}.
    </div>
  );
}
