import { fieldIssues } from '@smsdesk/shared/field-issues';
import {
  ImportConnectorSchema,
  type ImportConnector,
  type LogtoTencentConfig,
} from '@smsdesk/shared/schemas/connectors';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorList } from '../../../components/error-list.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { fieldMessage, serverFieldErrors } from '../../../lib/field-message.ts';
import { translate } from '../../../lib/translate.ts';
import { useImportConnector } from '../api/import-connector.ts';

type ParsedConfig = { config: LogtoTencentConfig } | { error: string };

/** Reads what the user pasted from Logto's connector editor; the schema check comes after. */
export function parseLogtoJson(text: string): ParsedConfig {
  if (!text.trim()) return { error: translate('connectors:import.empty') };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: translate('connectors:import.notJson', { reason: (error as Error).message }) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: translate('connectors:import.notObject') };
  }
  return { config: value as LogtoTencentConfig };
}

interface ImportErrors {
  name?: string;
  description?: string;
  config: string[];
  other: string[];
}

/** Field errors of the import body: `config.*` belongs to the pasted JSON, named by its path there. */
export function placeImportErrors(fieldErrors: Record<string, string>): ImportErrors {
  const errors: ImportErrors = { config: [], other: [] };
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (field === 'name' || field === 'description') errors[field] = message;
    else if (field === 'config') errors.config.push(message);
    else if (field.startsWith('config.')) errors.config.push(`${field.slice('config.'.length)}: ${message}`);
    else errors.other.push(`${field || 'request'}: ${message}`);
  }
  return errors;
}

interface ImportValues {
  name: string;
  description: string;
  international: boolean;
  json: string;
}

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('connectors');
  const navigate = useNavigate();
  const importConnector = useImportConnector();
  const [other, setOther] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<ImportValues>({
    defaultValues: { name: '', description: '', international: false, json: '' },
  });
  const { errors } = form.formState;

  const place = (placed: ImportErrors) => {
    const order: [keyof ImportValues, string | undefined][] = [
      ['name', placed.name],
      ['description', placed.description],
      ['json', placed.config.length ? placed.config.join('\n') : undefined],
    ];
    let first = true;
    for (const [field, message] of order) {
      if (!message) continue;
      form.setError(field, { type: 'schema', message }, { shouldFocus: first });
      first = false;
    }
    setOther(placed.other);
    return !first || placed.other.length > 0;
  };

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setOther([]);
    const parsed = parseLogtoJson(values.json);
    const description = values.description.trim();
    const body: ImportConnector = {
      name: values.name.trim(),
      ...(description ? { description } : {}),
      international: values.international,
      config: 'config' in parsed ? parsed.config : ({} as LogtoTencentConfig),
    };
    // The browser checks with the API's own schema; a JSON syntax error is the JSON field's error.
    const local = Object.fromEntries(
      fieldIssues(ImportConnectorSchema, body).map((issue) => [
        issue.field,
        fieldMessage('connectors', issue),
      ]),
    );
    const placedLocal = placeImportErrors(local);
    if ('error' in parsed) placedLocal.config = [parsed.error];
    if (place(placedLocal)) return;
    try {
      const { connector } = await importConnector.mutateAsync(body);
      onClose();
      await navigate(`/connectors/${connector.id}`);
    } catch (error) {
      const placed =
        error instanceof ApiError ? placeImportErrors(serverFieldErrors('connectors', error)) : null;
      if (!placed || !place(placed)) setFailure(error);
    }
  });

  return (
    <Dialog title={t('import.title')} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="help">{t('import.help')}</p>
        <ErrorNotice error={failure} title={t('import.failed')} />
        <ErrorList messages={other} />
        <Field label={t('import.name')} error={errors.name?.message}>
          {(control) => <input {...control} {...form.register('name')} />}
        </Field>
        <Field label={t('import.description')} error={errors.description?.message}>
          {(control) => <input {...control} {...form.register('description')} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" {...form.register('international')} />
          {t('import.international')}
        </label>
        <Field label={t('import.json')} error={errors.json?.message}>
          {(control) => (
            <textarea
              {...control}
              className="json-input"
              rows={12}
              spellCheck={false}
              {...form.register('json')}
            />
          )}
        </Field>
        <div className="row">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('import.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={importConnector.isPending}>
            {t('import.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
