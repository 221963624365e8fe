import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field.tsx';
import type { ConnectorFormValues } from '../utils/connector-form.ts';

/** Tencent Cloud SMS regions; the input takes any other region too. */
const tencentSmsRegions = ['ap-guangzhou', 'ap-beijing', 'ap-nanjing', 'ap-singapore'];

type Form = { form: UseFormReturn<ConnectorFormValues> };

export function NameFields({ form }: Form) {
  const { t } = useTranslation(['connectors', 'common']);
  const { errors } = form.formState;
  return (
    <>
      <Field label={t('form.name')} error={errors.name?.message}>
        {(control) => <input {...control} {...form.register('name')} />}
      </Field>
      <Field label={t('form.description')} error={errors.description?.message} help={t('form.optional')}>
        {(control) => <textarea {...control} rows={2} {...form.register('description')} />}
      </Field>
    </>
  );
}

export function AccessKeyIdField({ form }: Form) {
  const { t } = useTranslation(['connectors', 'common']);
  return (
    <Field
      label={t('form.accessKeyId')}
      error={form.formState.errors.accessKeyId?.message}
      help={t('form.accessKeyIdHelp')}
    >
      {(control) => (
        <input {...control} autoComplete="off" spellCheck={false} {...form.register('accessKeyId')} />
      )}
    </Field>
  );
}

export function SendingFields({ form }: Form) {
  const { t } = useTranslation(['connectors', 'common']);
  const { errors } = form.formState;
  const international = form.watch('international');
  const setSide = (value: boolean) => form.setValue('international', value, { shouldDirty: true });
  return (
    <>
      <h2>{t('form.sending')}</h2>
      <Field label={t('form.signName')} error={errors.signName?.message} help={t('form.signNameHelp')}>
        {(control) => <input {...control} {...form.register('signName')} />}
      </Field>
      <Field label={t('form.region')} error={errors.region?.message} help={t('form.regionHelp')}>
        {(control) => (
          <input {...control} list="tencent-sms-regions" spellCheck={false} {...form.register('region')} />
        )}
      </Field>
      <datalist id="tencent-sms-regions">
        {tencentSmsRegions.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <Field label={t('form.sdkAppId')} error={errors.sdkAppId?.message} help={t('form.sdkAppIdHelp')}>
        {(control) => <input {...control} inputMode="numeric" {...form.register('sdkAppId')} />}
      </Field>
      <fieldset className="field plain">
        <legend className="label">{t('form.numbers')}</legend>
        <div className="row">
          <label className="checkbox">
            <input
              type="radio"
              name="international"
              checked={!international}
              onChange={() => setSide(false)}
            />
            {t('common:side.mainland')}
          </label>
          <label className="checkbox">
            <input type="radio" name="international" checked={international} onChange={() => setSide(true)} />
            {t('common:side.international')}
          </label>
        </div>
        {errors.international ? <span className="field-error">{errors.international.message}</span> : null}
      </fieldset>
    </>
  );
}
