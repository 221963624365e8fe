import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

export function RouteError({ notFound = false }: { notFound?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const missing = notFound || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <section className="panel" role="alert">
      <h1>{missing ? t('routeError.notFoundTitle') : t('routeError.failedTitle')}</h1>
      <p>{missing ? t('routeError.notFoundBody') : messageOf(error, t)}</p>
      <Link to="/">{t('routeError.back')}</Link>
    </section>
  );
}

function messageOf(error: unknown, t: TFunction): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return t('routeError.unexpected');
}
