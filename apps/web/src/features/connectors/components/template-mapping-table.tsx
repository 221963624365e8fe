import type { TemplateMapping } from '@smsdesk/shared/schemas/connectors';
import { requiredUsageTypes, usageTypes } from '@smsdesk/shared/usage-types';
import { useTranslation } from 'react-i18next';
import { translate } from '../../../lib/translate.ts';

/** All nine usage types, mapped or not: the Tencent connector has no fallback to Generic. */
export function TemplateMappingTable({ templates }: { templates: readonly TemplateMapping[] }) {
  const { t } = useTranslation(['connectors', 'common']);
  return (
    <table className="table stack" aria-label={t('overview.mapping')}>
      <thead>
        <tr>
          <th>{t('overview.usageType')}</th>
          <th>{t('overview.templateCode')}</th>
          <th>{t('overview.withoutTemplate')}</th>
        </tr>
      </thead>
      <tbody>
        {usageTypes.map((usageType) => {
          const code = templates.find((m) => m.usageType === usageType)?.templateCode;
          const required = requiredUsageTypes.includes(usageType);
          return (
            <tr key={usageType} data-usage-type={usageType}>
              <td data-label={t('overview.usageType')}>
                <code>{usageType}</code> {required ? <RequiredMarker /> : null}
              </td>
              <td data-label={t('overview.templateCode')}>
                {code ? (
                  <code>{code}</code>
                ) : (
                  <span className={`badge ${required ? 'badge-red' : 'badge-grey'}`}>
                    {t('common:usageType.notMapped')}
                  </span>
                )}
              </td>
              <td className="muted" data-label={t('overview.withoutTemplate')}>
                {translate(`common:usageType.feature.${usageType}`)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function RequiredMarker() {
  const { t } = useTranslation();
  return <span className="badge badge-amber">{t('usageType.required')}</span>;
}
