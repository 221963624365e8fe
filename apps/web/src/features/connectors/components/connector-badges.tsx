import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { requiredUsageTypes } from '@smsdesk/shared/usage-types';
import { useTranslation } from 'react-i18next';
import { missingRequired } from '../utils/connector-form.ts';

export function RegionBadge({ international }: { international: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="badge badge-grey">{international ? t('side.international') : t('side.mainland')}</span>
  );
}

/**
 * "4/4 required mapped": Logto refuses the config until every required usage type has a template. Never
 * green: a full mapping says nothing about whether the templates work, which only the check knows.
 */
export function RequiredMappedBadge({ templates }: { templates: Connector['templates'] }) {
  const { t } = useTranslation('connectors');
  const total = requiredUsageTypes.length;
  const missing = missingRequired(templates);
  return (
    <span
      className={`badge ${missing.length ? 'badge-amber' : 'badge-grey'}`}
      title={missing.length ? t('badge.missing', { usageTypes: missing.join(', ') }) : t('badge.allMapped')}
    >
      {t('badge.requiredMapped', { mapped: total - missing.length, total })}
    </span>
  );
}
