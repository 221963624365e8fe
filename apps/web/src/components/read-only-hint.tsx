import { useTranslation } from 'react-i18next';

/** Shown beside change controls that are disabled because the caller's role lacks a scope. */
export function ReadOnlyHint({ reason }: { reason?: string | null }) {
  const { t } = useTranslation();
  return (
    <p className="read-only-hint" title={reason ?? undefined}>
      {t('state.readOnly')}
    </p>
  );
}
