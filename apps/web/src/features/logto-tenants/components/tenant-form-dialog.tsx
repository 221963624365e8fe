import type {
  CreateLogtoTenant,
  LogtoTenant,
  UpdateLogtoTenant,
} from '@smsdesk/shared/schemas/logto-tenants';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { Field } from '../../../components/field.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useSaveTenant } from '../api/save-tenant.ts';

type Values = {
  name: string;
  endpoint: string;
  appId: string;
  appSecret: string;
  managementApiResource: string;
};
const fields = ['name', 'endpoint', 'appId', 'appSecret', 'managementApiResource'] as const;

/** Add or edit a tenant; the API tests the connection before it saves, so a refusal keeps the dialog open. */
export function TenantFormDialog({ tenant, onClose }: { tenant?: LogtoTenant; onClose: () => void }) {
  const { t } = useTranslation(['logtoTenants', 'common']);
  const save = useSaveTenant();
  const [values, setValues] = useState<Values>({
    name: tenant?.name ?? '',
    endpoint: tenant?.endpoint ?? '',
    appId: tenant?.appId ?? '',
    appSecret: '',
    managementApiResource: tenant?.managementApiResource ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);

  const set = (key: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const required = (
      ['name', 'endpoint', 'appId', ...(tenant ? [] : ['appSecret'])] as (keyof Values)[]
    ).filter((key) => values[key].trim() === '');
    if (required.length > 0) {
      setErrors(Object.fromEntries(required.map((key) => [key, t('form.required')])));
      return;
    }
    try {
      if (tenant) {
        const body: UpdateLogtoTenant = {};
        if (values.name !== tenant.name) body.name = values.name;
        if (values.endpoint !== tenant.endpoint) body.endpoint = values.endpoint;
        if (values.appId !== tenant.appId) body.appId = values.appId;
        if (values.appSecret) body.appSecret = values.appSecret;
        if (values.managementApiResource && values.managementApiResource !== tenant.managementApiResource)
          body.managementApiResource = values.managementApiResource;
        if (Object.keys(body).length === 0) return onClose();
        await save.mutateAsync({ kind: 'update', tenant, body });
      } else {
        const body: CreateLogtoTenant = {
          name: values.name,
          endpoint: values.endpoint.trim(),
          appId: values.appId.trim(),
          appSecret: values.appSecret,
          ...(values.managementApiResource.trim()
            ? { managementApiResource: values.managementApiResource.trim() }
            : {}),
        };
        await save.mutateAsync({ kind: 'create', body });
      }
      onClose();
    } catch (error) {
      const placed = error instanceof ApiError ? error.fieldErrors() : {};
      const known = Object.fromEntries(
        Object.entries(placed).filter(([k]) => (fields as readonly string[]).includes(k)),
      );
      setErrors(known);
      if (Object.keys(known).length === 0) setFailure(error);
    }
  };

  const input =
    (key: keyof Values, type = 'text') =>
    (p: object) => (
      <input
        {...p}
        type={type}
        autoComplete="off"
        value={values[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    );

  return (
    <Dialog
      title={tenant ? t('form.editTitle', { name: tenant.name }) : t('form.addTitle')}
      onClose={onClose}
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="plain" disabled={save.isPending}>
          <div className="form">
            <Field label={t('form.name')} error={errors.name}>
              {input('name')}
            </Field>
            <Field label={t('form.endpoint')} error={errors.endpoint} help={t('form.endpointHelp')}>
              {input('endpoint', 'url')}
            </Field>
            <Field label={t('form.appId')} error={errors.appId}>
              {input('appId')}
            </Field>
            <Field
              label={t('form.appSecret')}
              error={errors.appSecret}
              help={tenant ? t('form.appSecretKeep') : t('form.appSecretHelp')}
            >
              {input('appSecret', 'password')}
            </Field>
            <Field
              label={t('form.resource')}
              error={errors.managementApiResource}
              help={t('form.resourceHelp')}
            >
              {input('managementApiResource', 'url')}
            </Field>
          </div>
        </fieldset>
        <ErrorNotice error={failure} />
        <div className="row dialog-actions">
          {save.isPending ? <span className="muted">{t('form.saving')}</span> : null}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose} disabled={save.isPending}>
            {t('common:state.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={save.isPending}>
            {t('form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
