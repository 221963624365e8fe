import { useTranslation } from 'react-i18next';

/** A timestamp in the reader's language, with the exact ISO value on hover. */
export function Time({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const date = new Date(value);
  return (
    <time dateTime={value} title={value}>
      {Number.isNaN(date.getTime()) ? value : formatDateTime(date, i18n.language)}
    </time>
  );
}

export function formatDateTime(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
