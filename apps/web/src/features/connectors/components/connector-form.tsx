import type { Connector } from '@smsdesk/shared/schemas/connectors';
import {
  requiredUsageTypes,
  type UsageType,
  usageTypeFeatures,
  usageTypes,
} from '@smsdesk/shared/usage-types';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ErrorList } from '../../../components/error-list.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import {
  type ConnectorFormValues,
  emptyFormValues,
  type FormErrors,
  type FormField,
  formValuesOf,
  hasErrors,
  missingRequired,
  noErrors,
  placeFieldErrors,
  templatesOf,
} from '../utils/connector-form.ts';
import { RequiredMarker } from './template-mapping-table.tsx';

/** Tencent Cloud SMS regions; the input takes any other region too. */
const tencentSmsRegions = ['ap-guangzhou', 'ap-beijing', 'ap-nanjing', 'ap-singapore'];

export interface ConnectorFormProps {
  /** The connector being edited; absent on create. */
  connector?: Connector;
  readOnly?: boolean;
  cancelTo: string;
  /** Sends the values; throws the `ApiError` of a refusal, which the form places on its fields. */
  onSubmit: (values: ConnectorFormValues) => Promise<void>;
  /** Edit only: fetches the current version after a 412, discarding the user's edits. */
  onReload?: () => Promise<void>;
}

export function ConnectorForm({
  connector,
  readOnly = false,
  cancelTo,
  onSubmit,
  onReload,
}: ConnectorFormProps) {
  const editing = connector !== undefined;
  const [values, setValues] = useState<ConnectorFormValues>(() =>
    connector ? formValuesOf(connector) : emptyFormValues(),
  );
  const [replaceSecret, setReplaceSecret] = useState(!connector?.hasAccessKeySecret);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const set = <K extends keyof ConnectorFormValues>(key: K, value: ConnectorFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setTemplate = (usageType: UsageType, code: string) =>
    setValues((v) => ({ ...v, templates: { ...v.templates, [usageType]: code } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors(noErrors);
    setFailure(null);
    setPending(true);
    const sent = { ...values, accessKeySecret: replaceSecret ? values.accessKeySecret : '' };
    try {
      await onSubmit(sent);
    } catch (error) {
      const placed =
        error instanceof ApiError ? placeFieldErrors(error.fieldErrors(), templatesOf(sent)) : null;
      if (placed && hasErrors(placed)) setErrors(placed);
      else setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const conflict = failure instanceof ApiError && failure.status === 412 ? failure : null;
  const missing = missingRequired(templatesOf(values));
  const fieldCount = Object.keys(errors.fields).length + Object.keys(errors.templates).length;

  return (
    <form className="form connector-form" onSubmit={(e) => void submit(e)} noValidate>
      {conflict ? (
        <div className="notice notice-warn" role="alert">
          <strong>Someone else changed this connector</strong> since you opened it
          {typeof (conflict.details as { currentVersion?: unknown } | undefined)?.currentVersion === 'number'
            ? ` (it is now at version ${(conflict.details as { currentVersion: number }).currentVersion})`
            : ''}
          . Nothing was saved. Reload to see their changes; your edits here will be discarded.
          <div className="row">
            <button
              type="button"
              className="button small"
              onClick={() => void onReload?.().then(() => setFailure(null), setFailure)}
            >
              Reload
            </button>
          </div>
        </div>
      ) : (
        <ErrorNotice error={failure} title="Not saved" />
      )}
      {fieldCount ? (
        <div className="notice notice-error" role="alert">
          Not saved: the server refused {fieldCount === 1 ? 'one field' : `${fieldCount} fields`}, marked
          below.
        </div>
      ) : null}
      <ErrorList messages={errors.other} />

      <fieldset className="plain" disabled={readOnly || pending}>
        <div className="form">
          <Field id="name" label="Name" error={errors.fields.name}>
            <input
              id="name"
              value={values.name}
              onChange={(e) => set('name', e.target.value)}
              {...invalid(errors, 'name')}
            />
          </Field>
          <Field id="description" label="Description" error={errors.fields.description} help="Optional">
            <textarea
              id="description"
              rows={2}
              value={values.description}
              onChange={(e) => set('description', e.target.value)}
              {...invalid(errors, 'description')}
            />
          </Field>

          <h2>Credentials</h2>
          <Field
            id="accessKeyId"
            label="Access key ID"
            error={errors.fields.accessKeyId}
            help="The SecretId of a Tencent Cloud API key (CAM)"
          >
            <input
              id="accessKeyId"
              autoComplete="off"
              spellCheck={false}
              value={values.accessKeyId}
              onChange={(e) => set('accessKeyId', e.target.value)}
              {...invalid(errors, 'accessKeyId')}
            />
          </Field>
          {replaceSecret ? (
            <Field
              id="accessKeySecret"
              label="Access key secret"
              error={errors.fields.accessKeySecret}
              help={
                editing && connector.hasAccessKeySecret
                  ? 'Leave empty to keep the current secret. It is stored encrypted and never shown again.'
                  : 'Write-only: stored encrypted and never shown again.'
              }
            >
              <div className="row">
                <input
                  id="accessKeySecret"
                  type="password"
                  autoComplete="new-password"
                  className="grow"
                  value={values.accessKeySecret}
                  onChange={(e) => set('accessKeySecret', e.target.value)}
                  {...invalid(errors, 'accessKeySecret')}
                />
                {editing && connector.hasAccessKeySecret ? (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => {
                      setReplaceSecret(false);
                      set('accessKeySecret', '');
                    }}
                  >
                    Keep current secret
                  </button>
                ) : null}
              </div>
            </Field>
          ) : (
            <div className="field">
              <span className="label">Access key secret</span>
              <div className="row">
                <span className="badge badge-green">A secret is set</span>
                <button type="button" className="button small" onClick={() => setReplaceSecret(true)}>
                  Replace
                </button>
              </div>
            </div>
          )}

          <h2>Sending</h2>
          <Field
            id="signName"
            label="Sign name"
            error={errors.fields.signName}
            help="The approved signature text, without 【】"
          >
            <input
              id="signName"
              value={values.signName}
              onChange={(e) => set('signName', e.target.value)}
              {...invalid(errors, 'signName')}
            />
          </Field>
          <Field id="region" label="Region" error={errors.fields.region} help="e.g. ap-guangzhou">
            <input
              id="region"
              list="tencent-sms-regions"
              spellCheck={false}
              value={values.region}
              onChange={(e) => set('region', e.target.value)}
              {...invalid(errors, 'region')}
            />
          </Field>
          <datalist id="tencent-sms-regions">
            {tencentSmsRegions.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          <Field id="sdkAppId" label="SDK app id" error={errors.fields.sdkAppId} help="e.g. 1400000001">
            <input
              id="sdkAppId"
              inputMode="numeric"
              value={values.sdkAppId}
              onChange={(e) => set('sdkAppId', e.target.value)}
              {...invalid(errors, 'sdkAppId')}
            />
          </Field>
          <fieldset className="field plain">
            <legend className="label">Numbers</legend>
            <div className="row">
              <label className="checkbox">
                <input
                  type="radio"
                  name="international"
                  checked={!values.international}
                  onChange={() => set('international', false)}
                />
                Mainland China
              </label>
              <label className="checkbox">
                <input
                  type="radio"
                  name="international"
                  checked={values.international}
                  onChange={() => set('international', true)}
                />
                International
              </label>
            </div>
            {errors.fields.international ? (
              <span className="field-error error-text">{errors.fields.international}</span>
            ) : null}
          </fieldset>

          <h2>Templates</h2>
          <p className="help">
            One Tencent template per usage type; leave a code empty to leave the type unmapped. The Tencent
            connector does not fall back to Generic: an unmapped type fails when Logto needs it.
          </p>
          {errors.fields.templates ? (
            <p className="field-error error-text" role="alert">
              {errors.fields.templates}
            </p>
          ) : null}
          {missing.length ? (
            <p className="notice notice-warn">
              Logto refuses this configuration until {missing.join(', ')} are mapped.
            </p>
          ) : null}
          <table className="table" aria-label="Templates">
            <thead>
              <tr>
                <th>Usage type</th>
                <th>Template code</th>
                <th>Used for</th>
              </tr>
            </thead>
            <tbody>
              {usageTypes.map((usageType) => {
                const error = errors.templates[usageType];
                const inputId = `template-${usageType}`;
                return (
                  <tr key={usageType} data-usage-type={usageType}>
                    <td>
                      <code>{usageType}</code>{' '}
                      {requiredUsageTypes.includes(usageType) ? <RequiredMarker /> : null}
                    </td>
                    <td>
                      <input
                        id={inputId}
                        className="template-code"
                        inputMode="numeric"
                        aria-label={`Template code for ${usageType}`}
                        value={values.templates[usageType]}
                        onChange={(e) => setTemplate(usageType, e.target.value)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${inputId}-error` : undefined}
                      />
                      {error ? (
                        <span id={`${inputId}-error`} className="field-error error-text">
                          {error}
                        </span>
                      ) : null}
                    </td>
                    <td className="muted">{usageTypeFeatures[usageType]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>

      <div className="row">
        <button type="submit" className="button primary" disabled={readOnly || pending}>
          {editing ? 'Save changes' : 'Create connector'}
        </button>
        <Link to={cancelTo} className="button">
          Cancel
        </Link>
        {pending ? <span className="loading">Saving…</span> : null}
      </div>
    </form>
  );
}

function invalid(errors: FormErrors, field: FormField) {
  return errors.fields[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-error` } : {};
}

function Field({
  id,
  label,
  error,
  help,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  help?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {help ? <span className="help">{help}</span> : null}
      {error ? (
        <span id={`${id}-error`} className="field-error error-text">
          {error}
        </span>
      ) : null}
    </div>
  );
}
