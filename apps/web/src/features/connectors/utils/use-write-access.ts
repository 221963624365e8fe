import { useMe } from '../../auth/api/get-me.ts';

/**
 * `canWrite` is false until /api/me answers, so change controls start disabled; `readOnly` is true only
 * once it is known the caller lacks write:connectors (or /api/me failed), so the hint does not flash for
 * an admin.
 */
export function useWriteAccess(): { canWrite: boolean; readOnly: boolean } {
  const { data, isError } = useMe();
  const canWrite = data?.scopes.includes('write:connectors') ?? false;
  return { canWrite, readOnly: !canWrite && (data !== undefined || isError) };
}
