import type { ApiScope } from '@smsdesk/shared/scopes';
import { useTranslation } from 'react-i18next';
import { useMe } from './me.ts';

export interface Access {
  /** The caller holds every scope; false until /api/me answers, so change controls start disabled. */
  can: boolean;
  /** Known not to hold them (or /api/me failed): the read-only hint shows, and never flashes for an admin. */
  readOnly: boolean;
  /** Why a control is disabled, for its tooltip; null when it is not. */
  reason: string | null;
}

export function useAccess(scope: ApiScope | readonly ApiScope[]): Access {
  const { t } = useTranslation();
  const { data, isError } = useMe();
  const scopes: readonly ApiScope[] = typeof scope === 'string' ? [scope] : scope;
  const missing = data ? scopes.filter((s) => !data.scopes.includes(s)) : [...scopes];
  const can = data !== undefined && missing.length === 0;
  const readOnly = !can && (data !== undefined || isError);
  return {
    can,
    readOnly,
    reason: readOnly ? t('error.missingScope', { scopes: missing.join(', ') }) : null,
  };
}
