import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { useEffect, useRef, useState } from 'react';
import { type FieldErrors, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorList } from '../../../components/error-list.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ApiError, isApiError } from '../../../lib/api-client.ts';
import { fieldMessage, serverFieldErrors } from '../../../lib/field-message.ts';
import { useUnsavedChanges } from '../../../lib/use-unsaved-changes.ts';
import {
  type ConnectorFormValues,
  checkConnectorForm,
  emptyFormValues,
  errorPaths,
  type FormErrors,
  formValuesOf,
  hasErrors,
  missingRequired,
  placeFieldErrors,
  templatesOf,
} from '../utils/connector-form.ts';
import { ConflictBanner } from './connector-form-conflict.tsx';
import { AccessKeyIdField, NameFields, SendingFields } from './connector-form-fields.tsx';
import { SecretField } from './connector-form-secret.tsx';
import { TemplateCodesTable } from './connector-form-templates.tsx';

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

/** `FormErrors` in react-hook-form's shape: one entry per input, the array-wide ones under `root`. */
function toFieldErrors(errors: FormErrors, type: string): FieldErrors<ConnectorFormValues> {
  const out: Record<string, unknown> = {};
  for (const [field, message] of Object.entries(errors.fields)) {
    if (field !== 'templates') out[field] = { type, message };
  }
  const templates = Object.entries(errors.templates).map(([u, message]) => [u, { type, message }]);
  if (templates.length) out.templates = Object.fromEntries(templates);
  const root = [...(errors.fields.templates ? [errors.fields.templates] : []), ...errors.other];
  if (root.length) out.root = { type, message: root.join('\n') };
  return out as FieldErrors<ConnectorFormValues>;
}

export function ConnectorForm({
  connector,
  readOnly = false,
  cancelTo,
  onSubmit,
  onReload,
}: ConnectorFormProps) {
  const { t } = useTranslation(['connectors', 'common']);
  const editing = connector !== undefined;
  const [replaceSecret, setReplaceSecret] = useState(!connector?.hasAccessKeySecret);
  const [failure, setFailure] = useState<unknown>(null);
  const [serverFieldCount, setServerFieldCount] = useState(0);
  const [saved, setSaved] = useState(false);

  // The browser checks with the API's schema first; the API checks again and its refusals land on the same fields.
  const resolver: Resolver<ConnectorFormValues> = async (values) => {
    const errors = checkConnectorForm(values, (issue) => fieldMessage('connectors', issue));
    return hasErrors(errors)
      ? { values: {}, errors: toFieldErrors(errors, 'schema') }
      : { values, errors: {} };
  };
  const form = useForm<ConnectorFormValues>({
    defaultValues: connector ? formValuesOf(connector) : emptyFormValues(),
    resolver,
    shouldFocusError: true,
  });
  useUnsavedChanges(form.formState.isDirty && !saved && !readOnly);
  // The inputs are disabled while submitting: the first refused one takes the focus once they are back.
  const focusAfterSubmit = useRef<string | null>(null);
  const pending = form.formState.isSubmitting;
  useEffect(() => {
    if (pending || !focusAfterSubmit.current) return;
    form.setFocus(focusAfterSubmit.current as 'name');
    focusAfterSubmit.current = null;
  }, [pending, form]);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setServerFieldCount(0);
    const sent = { ...values, accessKeySecret: replaceSecret ? values.accessKeySecret : '' };
    setSaved(true);
    try {
      await onSubmit(sent);
    } catch (error) {
      setSaved(false);
      const placed =
        error instanceof ApiError
          ? placeFieldErrors(serverFieldErrors('connectors', error), templatesOf(sent))
          : null;
      if (!placed || !hasErrors(placed)) {
        setFailure(error);
        return;
      }
      const paths = errorPaths(placed);
      const rhf = toFieldErrors(placed, 'server') as Record<string, { message: string }>;
      paths.forEach((path, i) => {
        const [head, tail] = path.split('.');
        const entry = tail
          ? (rhf[head ?? ''] as unknown as Record<string, { message: string }>)[tail]
          : rhf[path];
        form.setError(path as 'name', { type: 'server', message: entry?.message });
        if (i === 0) focusAfterSubmit.current = path;
      });
      if (rhf.root) form.setError('root', { type: 'server', message: rhf.root.message });
      setServerFieldCount(paths.length);
    }
  });

  const conflict = isApiError(failure, 'VERSION_CONFLICT', 'PRECONDITION_FAILED') ? failure : null;
  const missing = missingRequired(templatesOf(form.watch()));
  const rootMessages = form.formState.errors.root?.message?.split('\n') ?? [];

  return (
    <form className="form connector-form" onSubmit={(e) => void submit(e)} noValidate>
      {conflict ? (
        <ConflictBanner
          conflict={conflict}
          onReload={() => void onReload?.().then(() => setFailure(null), setFailure)}
        />
      ) : (
        <ErrorNotice error={failure} title={t('form.notSaved')} />
      )}
      {serverFieldCount ? (
        <div className="notice notice-error" role="alert">
          {t('common:error.fieldsRefused', { count: serverFieldCount })}
        </div>
      ) : null}
      <ErrorList messages={rootMessages} />

      <fieldset className="plain" disabled={readOnly || pending}>
        <div className="form">
          <NameFields form={form} />
          <h2>{t('form.credentials')}</h2>
          <AccessKeyIdField form={form} />
          <SecretField
            form={form}
            hasStoredSecret={editing && connector.hasAccessKeySecret}
            replacing={replaceSecret}
            setReplacing={setReplaceSecret}
          />
          <SendingFields form={form} />
          <TemplateCodesTable form={form} missing={missing} />
        </div>
      </fieldset>

      <div className="row">
        <button type="submit" className="button primary" disabled={readOnly || pending}>
          {editing ? t('form.save') : t('form.create')}
        </button>
        <Link to={cancelTo} className="button">
          {t('form.cancel')}
        </Link>
        {pending ? <span className="loading">{t('common:state.saving')}</span> : null}
      </div>
    </form>
  );
}
