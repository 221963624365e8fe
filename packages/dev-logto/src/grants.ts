import type Provider from 'oidc-provider';
import { findUserById, oidcScopes } from './constants.ts';

export interface GrantRequest {
  accountId: string;
  clientId: string;
  /** The authorization request's `scope` parameter. */
  scope: unknown;
  /** The authorization request's `resource` parameter(s). */
  resource: unknown;
  existingGrantId?: string | undefined;
}

function asList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * Logto's first-party apps never show a consent screen: the grant simply holds the OIDC scopes asked for
 * and, per API resource, the requested permissions the user's roles allow (requested ∩ role scopes).
 */
export async function saveAutoGrant(provider: Provider, apiResource: string, request: GrantRequest) {
  const user = findUserById(request.accountId);
  const existing = request.existingGrantId ? await provider.Grant.find(request.existingGrantId) : undefined;
  const grant =
    existing && existing.accountId === request.accountId && existing.clientId === request.clientId
      ? existing
      : new provider.Grant({ accountId: request.accountId, clientId: request.clientId });

  const requested = asList(request.scope);
  const knownOidc = new Set<string>(oidcScopes);
  const oidc = requested.filter((scope) => knownOidc.has(scope));
  if (oidc.length > 0) grant.addOIDCScope(oidc.join(' '));

  const allowed = new Set<string>(user?.scopes ?? []);
  const permitted = requested.filter((scope) => allowed.has(scope));
  for (const resource of asList(request.resource)) {
    if (resource === apiResource && permitted.length > 0)
      grant.addResourceScope(resource, permitted.join(' '));
  }
  return grant.save();
}
