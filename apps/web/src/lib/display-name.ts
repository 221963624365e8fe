import { type IdTokenClaims, useLogto } from '@logto/react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from './query-keys.ts';

/** The one display name of a Logto user: the username, else the name, else the `sub`. */
export const displayNameOf = (
  claims: Pick<IdTokenClaims, 'sub'> & { username?: string | null; name?: string | null },
) => claims.username || claims.name || claims.sub;

/** The signed-in user's ID token claims, read once per session. */
export function useIdTokenClaims() {
  const { isAuthenticated, getIdTokenClaims } = useLogto();
  return useQuery({
    queryKey: queryKeys.idTokenClaims,
    queryFn: async () => (await getIdTokenClaims()) ?? null,
    enabled: isAuthenticated,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * How a `sub` recorded by the API (an audit actor, a test send's sender) is shown: the signed-in user by the
 * same name as in the header; anyone else by the `sub`, since the API keeps no other users' names.
 */
export function useDisplayName(sub: string): string {
  const { data: claims } = useIdTokenClaims();
  return claims && claims.sub === sub ? displayNameOf(claims) : sub;
}
