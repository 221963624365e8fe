import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" aria-busy="true">
      {label ?? t('state.loading')}
    </p>
  );
}
