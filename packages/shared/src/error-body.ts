import type { ErrorBody } from './schemas/errors.ts';

/**
 * A guard for the shared error body, for the SPA's API client: the type comes from the schema (a type-only
 * import, so no schema library reaches the bundle), the check is plain code.
 */
export type { ErrorBody };

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
