import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The `ui_locales` trap of Logto's Tencent connector, said in the reader's language: the diagnosis first,
 * then the fix, then the API's own words and Tencent's code for whoever digs deeper.
 */
export function UiLocalesDiagnosis({
  locale,
  tone = 'error',
  details,
}: {
  /** The language that was sent as the second value, when known. */
  locale?: string | null;
  tone?: 'error' | 'info';
  details?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={`notice ${tone === 'error' ? 'notice-error' : 'notice-info'}`}
      data-testid="ui-locales-diagnosis"
    >
      <p className="notice-sentence">
        <strong>{t('uiLocales.title')}</strong>
      </p>
      <p>{locale ? t('uiLocales.diagnosis', { locale }) : t('uiLocales.diagnosisGeneric')}</p>
      <p>{t('uiLocales.fix')}</p>
      <p className="muted small">{t('uiLocales.console')}</p>
      {details ? (
        <details>
          <summary>{t('uiLocales.details')}</summary>
          {details}
        </details>
      ) : null}
    </div>
  );
}
