import { requiredUsageTypes, usageTypes } from '@smsdesk/shared/usage-types';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/field.tsx';
import { translate } from '../../../lib/translate.ts';
import type { ConnectorFormValues } from '../utils/connector-form.ts';
import { RequiredMarker } from './template-mapping-table.tsx';

/** One template code per usage type, all nine listed: the Tencent connector has no fallback to Generic. */
export function TemplateCodesTable({
  form,
  arrayError,
  missing,
}: {
  form: UseFormReturn<ConnectorFormValues>;
  arrayError?: string;
  missing: readonly string[];
}) {
  const { t } = useTranslation('connectors');
  const errors = form.formState.errors.templates;
  return (
    <>
      <h2>{t('form.templates')}</h2>
      <p className="help">{t('form.templatesHelp')}</p>
      {arrayError ? (
        <p className="field-error" role="alert">
          {arrayError}
        </p>
      ) : null}
      {missing.length ? (
        <p className="notice notice-warn">{t('form.missingRequired', { usageTypes: missing.join(', ') })}</p>
      ) : null}
      <table className="table stack" aria-label={t('form.templates')}>
        <thead>
          <tr>
            <th>{t('form.usageType')}</th>
            <th>{t('form.templateCode')}</th>
            <th>{t('form.usedFor')}</th>
          </tr>
        </thead>
        <tbody>
          {usageTypes.map((usageType) => (
            <tr key={usageType} data-usage-type={usageType}>
              <td data-label={t('form.usageType')}>
                <code>{usageType}</code> {requiredUsageTypes.includes(usageType) ? <RequiredMarker /> : null}
              </td>
              <td data-label={t('form.templateCode')}>
                <Field
                  label={t('form.templateCodeFor', { usageType })}
                  labelHidden
                  className="compact"
                  error={errors?.[usageType]?.message}
                >
                  {(control) => (
                    <input
                      {...control}
                      className="template-code"
                      inputMode="numeric"
                      {...form.register(`templates.${usageType}`)}
                    />
                  )}
                </Field>
              </td>
              <td className="muted" data-label={t('form.usedFor')}>
                {translate(`common:usageType.feature.${usageType}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
