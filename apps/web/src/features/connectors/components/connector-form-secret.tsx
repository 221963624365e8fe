import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field.tsx';
import type { ConnectorFormValues } from '../utils/connector-form.ts';

/**
 * The write-only secret: a stored one is never shown, only replaced. `replacing` is false while the
 * stored secret is kept, and then nothing is sent for it.
 */
export function SecretField({
  form,
  hasStoredSecret,
  replacing,
  setReplacing,
}: {
  form: UseFormReturn<ConnectorFormValues>;
  hasStoredSecret: boolean;
  replacing: boolean;
  setReplacing: (replacing: boolean) => void;
}) {
  const { t } = useTranslation('connectors');
  if (!replacing) {
    return (
      <div className="field">
        <span className="label">{t('form.accessKeySecret')}</span>
        <div className="row">
          <span className="badge badge-green">{t('form.secretSet')}</span>
          <button type="button" className="button small" onClick={() => setReplacing(true)}>
            {t('form.replace')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <Field
      label={t('form.accessKeySecret')}
      error={form.formState.errors.accessKeySecret?.message}
      help={hasStoredSecret ? t('form.secretKeepHelp') : t('form.secretNewHelp')}
    >
      {(control) => (
        <div className="row">
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            className="grow"
            {...form.register('accessKeySecret')}
          />
          {hasStoredSecret ? (
            <button
              type="button"
              className="button small"
              onClick={() => {
                setReplacing(false);
                form.setValue('accessKeySecret', '');
              }}
            >
              {t('form.keepSecret')}
            </button>
          ) : null}
        </div>
      )}
    </Field>
  );
}
