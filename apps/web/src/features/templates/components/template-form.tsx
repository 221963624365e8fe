import type { TemplateInput } from '@smsdesk/shared/schemas/templates';
import {
  checkTemplateContent,
  maxMessageLength,
  renderMessage,
  type SmsType,
} from '@smsdesk/shared/template-rules';
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import {
  sampleParams,
  smsTypeOptions,
  type TemplateFormValues,
  templateInputOf,
} from '../utils/template-form.ts';

export interface TemplateFormProps {
  initial: TemplateFormValues;
  signName: string;
  international: boolean;
  /** The template is for a Logto usage type: exactly one {1}, whatever the SMS type. */
  forLogto?: boolean;
  submitLabel: string;
  /** Sends the body; throws the ApiError of a refusal, whose field errors the form shows at the fields. */
  onSubmit: (body: TemplateInput) => Promise<void>;
  onCancel: () => void;
}

const knownFields = ['name', 'content', 'smsType', 'remark'] as const;

/**
 * Name, content, SMS type and remark, with the message as the phone will show it and Tencent's (and Logto's)
 * rules checked as the user types, by the same function the API applies.
 */
export function TemplateForm({
  initial,
  signName,
  international,
  forLogto,
  submitLabel,
  onSubmit,
  onCancel,
}: TemplateFormProps) {
  const [values, setValues] = useState(initial);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const rulesId = useId();

  const set = <K extends keyof TemplateFormValues>(key: K, value: TemplateFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setServerErrors(({ [key]: _, ...rest }) => rest);
  };

  const violations =
    values.content === ''
      ? []
      : checkTemplateContent(values.content, {
          smsType: values.smsType,
          international,
          signName,
          ...(forLogto ? { forLogto } : {}),
        });
  const preview = renderMessage(signName, values.content, sampleParams(values.content));
  const blocked = violations.length > 0 || values.content === '' || values.name.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    setFailure(null);
    setServerErrors({});
    setPending(true);
    try {
      await onSubmit(templateInputOf(values));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      const placed = Object.fromEntries(
        Object.entries(fields).filter(([k]) => (knownFields as readonly string[]).includes(k)),
      );
      if (Object.keys(placed).length > 0) setServerErrors(placed);
      if (Object.keys(placed).length !== Object.keys(fields).length || Object.keys(placed).length === 0)
        setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form template-form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorNotice error={failure} title="Not saved" />
      <fieldset className="plain" disabled={pending}>
        <div className="form">
          <Field
            label="Template name"
            error={serverErrors.name}
            help="Up to 30 characters, for you and Tencent's reviewer"
          >
            {(p) => (
              <input
                {...p}
                maxLength={30}
                value={values.name}
                onChange={(e) => set('name', e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Content"
            error={serverErrors.content}
            help="Without the signature; {1} is where Logto's code goes"
          >
            {(p) => (
              <textarea
                {...p}
                rows={3}
                value={values.content}
                onChange={(e) => set('content', e.target.value)}
                {...(violations.length
                  ? {
                      'aria-invalid': true,
                      'aria-describedby': [p['aria-describedby'], rulesId].filter(Boolean).join(' '),
                    }
                  : {})}
              />
            )}
          </Field>
          {violations.length ? (
            <ul id={rulesId} className="error-text rule-errors" data-testid="template-rule-errors">
              {violations.map((v) => (
                <li key={v.rule} data-rule={v.rule}>
                  {v.message}
                </li>
              ))}
            </ul>
          ) : null}
          <figure className="field preview-figure">
            <figcaption className="label">Preview on the phone</figcaption>
            <div className="preview" data-testid="template-preview">
              {values.content ? preview : <span className="muted">Type the content to see the message</span>}
            </div>
            <span className="help">
              {preview.length}/{maxMessageLength} characters with the signature and a 6-digit code
            </span>
          </figure>
          <Field label="SMS type" error={serverErrors.smsType}>
            {(p) => (
              <select
                {...p}
                value={values.smsType}
                onChange={(e) => set('smsType', Number(e.target.value) as SmsType)}
              >
                {smsTypeOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Remark (optional)" error={serverErrors.remark} help="A note for Tencent's reviewer">
            {(p) => (
              <input
                {...p}
                maxLength={100}
                value={values.remark}
                onChange={(e) => set('remark', e.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <div className="row dialog-actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={pending || blocked}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
