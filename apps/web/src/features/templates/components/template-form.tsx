import type { TemplateInput } from '@smsdesk/shared/schemas/templates';
import {
  checkTemplateContent,
  maxMessageLength,
  renderMessage,
  type SmsType,
} from '@smsdesk/shared/template-rules';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { fieldMessage } from '../../../lib/field-message.ts';
import {
  sampleParams,
  smsTypes,
  type TemplateFormValues,
  templateInputOf,
  templateRuleText,
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
  const { t } = useTranslation(['templates', 'common']);
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
      // The server checks the same rules: its refusal of the content reads like the local check.
      const fields =
        error instanceof ApiError
          ? Object.fromEntries(
              error
                .fieldIssues()
                .map((issue) => [
                  issue.field,
                  issue.field === 'content'
                    ? templateRuleText(issue.rule, values.content, signName, fieldMessage('templates', issue))
                    : fieldMessage('templates', issue),
                ]),
            )
          : {};
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
      <ErrorNotice error={failure} title={t('form.notSaved')} />
      <fieldset className="plain" disabled={pending}>
        <div className="form">
          <Field label={t('form.name')} error={serverErrors.name} help={t('form.nameHelp')}>
            {(p) => (
              <input
                {...p}
                maxLength={30}
                value={values.name}
                onChange={(e) => set('name', e.target.value)}
              />
            )}
          </Field>
          <Field label={t('form.content')} error={serverErrors.content} help={t('form.contentHelp')}>
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
                  {templateRuleText(v.rule, values.content, signName, v.message)}
                </li>
              ))}
            </ul>
          ) : null}
          <figure className="field preview-figure">
            <figcaption className="label">{t('form.preview')}</figcaption>
            <div className="preview" data-testid="template-preview">
              {values.content ? preview : <span className="muted">{t('form.previewEmpty')}</span>}
            </div>
            <span className="help">
              {t('form.previewLength', { length: preview.length, max: maxMessageLength })}
            </span>
          </figure>
          <Field label={t('form.smsType')} error={serverErrors.smsType}>
            {(p) => (
              <select
                {...p}
                value={values.smsType}
                onChange={(e) => set('smsType', Number(e.target.value) as SmsType)}
              >
                {smsTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`smsType.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('form.remark')} error={serverErrors.remark} help={t('form.remarkHelp')}>
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
          {t('common:state.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={pending || blocked}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
