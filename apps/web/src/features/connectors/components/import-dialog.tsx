import type { ImportConnector, LogtoTencentConfig } from '@smsdesk/shared/schemas/connectors';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorList } from '../../../components/error-list.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useImportConnector } from '../api/import-connector.ts';

type ParsedConfig = { config: LogtoTencentConfig } | { error: string };

/** Reads what the user pasted from Logto's connector editor; the server checks the content. */
export function parseLogtoJson(text: string): ParsedConfig {
  if (!text.trim()) return { error: "Paste the JSON of Logto's Tencent SMS connector." };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'Expected a JSON object such as {"accessKeyId": "…", "templates": […]}.' };
  }
  return { config: value as LogtoTencentConfig };
}

interface ImportErrors {
  name?: string;
  description?: string;
  config: string[];
  other: string[];
}

/** Server field errors of the import body: `config.*` belongs to the pasted JSON. */
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

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const importConnector = useImportConnector();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [international, setInternational] = useState(false);
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [errors, setErrors] = useState<ImportErrors>({ config: [], other: [] });
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setErrors({ config: [], other: [] });
    const parsed = parseLogtoJson(json);
    if ('error' in parsed) {
      setJsonError(parsed.error);
      return;
    }
    setJsonError(null);
    const body: ImportConnector = {
      name: name.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      international,
      config: parsed.config,
    };
    try {
      const { connector } = await importConnector.mutateAsync(body);
      onClose();
      await navigate(`/connectors/${connector.id}`);
    } catch (error) {
      const placed = error instanceof ApiError ? placeImportErrors(error.fieldErrors()) : null;
      if (placed && (placed.name || placed.description || placed.config.length || placed.other.length)) {
        setErrors(placed);
      } else setFailure(error);
    }
  };

  const configErrors = [...(jsonError ? [jsonError] : []), ...errors.config];
  return (
    <Dialog title="Import Logto JSON" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="help">
          In the Logto Console, open the Tencent SMS connector, copy its JSON configuration and paste it here.
        </p>
        <ErrorNotice error={failure} title="The import failed" />
        <ErrorList messages={errors.other} />
        <div className="field">
          <label htmlFor="import-name">Name</label>
          <input
            id="import-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            aria-invalid={errors.name ? true : undefined}
          />
          {errors.name ? <span className="field-error error-text">{errors.name}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="import-description">Description</label>
          <input
            id="import-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          {errors.description ? <span className="field-error error-text">{errors.description}</span> : null}
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={international}
            onChange={(e) => setInternational(e.target.checked)}
          />
          International (non-mainland) numbers and templates
        </label>
        <div className="field">
          <label htmlFor="import-json">Logto connector JSON</label>
          <textarea
            id="import-json"
            className="json-input"
            rows={12}
            spellCheck={false}
            value={json}
            onChange={(e) => setJson(e.target.value)}
            aria-invalid={configErrors.length ? true : undefined}
            aria-describedby={configErrors.length ? 'import-json-errors' : undefined}
          />
          {configErrors.length ? (
            <ul id="import-json-errors" className="field-error error-text">
              {configErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="row">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={importConnector.isPending}>
            Import
          </button>
        </div>
      </form>
    </Dialog>
  );
}
