import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { requiredUsageTypes } from '@smsdesk/shared/usage-types';
import { missingRequired } from '../utils/connector-form.ts';

export function RegionBadge({ international }: { international: boolean }) {
  return international ? (
    <span className="badge badge-grey">International</span>
  ) : (
    <span className="badge badge-grey">Mainland China</span>
  );
}

/** "4/4 required mapped": Logto refuses the config until every required usage type has a template. */
export function RequiredMappedBadge({ templates }: { templates: Connector['templates'] }) {
  const total = requiredUsageTypes.length;
  const missing = missingRequired(templates);
  const mapped = total - missing.length;
  return (
    <span
      className={`badge ${missing.length ? 'badge-amber' : 'badge-green'}`}
      title={missing.length ? `Missing: ${missing.join(', ')}` : 'Every usage type Logto requires is mapped'}
    >
      {mapped}/{total} required mapped
    </span>
  );
}
