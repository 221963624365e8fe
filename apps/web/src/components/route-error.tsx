import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

export function RouteError({ notFound = false }: { notFound?: boolean }) {
  const error = useRouteError();
  const missing = notFound || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <section className="panel" role="alert">
      <h1>{missing ? 'Page not found' : 'Something went wrong'}</h1>
      <p>{missing ? 'There is no page at this address.' : messageOf(error)}</p>
      <Link to="/">Back to the start</Link>
    </section>
  );
}

function messageOf(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return 'An unexpected error happened.';
}
