// Permissions of the smsdesk API resource, as they would be defined in Logto's console: the contract's own.
import { type ApiScope, apiScopes } from '@smsdesk/shared/scopes';

export { type ApiScope, apiScopes };

/** The API resource indicator smsdesk's access tokens are issued for (Logto "API resource"). */
export const defaultResource = 'https://api.smsdesk.local';

/** Logto RBAC in miniature: a role grants a fixed set of API permissions. */
export const devRoles = {
  admin: [...apiScopes],
  viewer: ['read:connectors'],
} as const satisfies Record<string, readonly ApiScope[]>;
export type DevRole = keyof typeof devRoles;

export interface DevUser {
  /** Stable subject (`sub`), the way Logto gives every user an opaque id. */
  id: string;
  username: string;
  password: string;
  name: string;
  roles: readonly DevRole[];
  /** The phone as Logto stores it: digits with the calling code, no `+`; signs in with an SMS code. */
  phone: string;
  /** API permissions the user's roles allow. */
  scopes: readonly ApiScope[];
}

export const devUsers = {
  admin: {
    id: 'dev-admin',
    username: 'admin',
    password: 'smsdesk-admin',
    name: 'Dev Admin',
    roles: ['admin'],
    phone: '8613900139000',
    scopes: devRoles.admin,
  },
  viewer: {
    id: 'dev-viewer',
    username: 'viewer',
    password: 'smsdesk-viewer',
    name: 'Dev Viewer',
    roles: ['viewer'],
    phone: '8613700137000',
    scopes: devRoles.viewer,
  },
} as const satisfies Record<string, DevUser>;

export const devClients = {
  /** Single-page app (Logto "SPA"): public client, PKCE. */
  spa: {
    clientId: 'smsdesk-spa',
    redirectUris: ['http://localhost:5173/callback', 'http://localhost:3000/callback'],
    postLogoutRedirectUris: ['http://localhost:5173/', 'http://localhost:3000/'],
  },
  /** Traditional web app (server-side flow in apps/api under /auth). */
  web: {
    clientId: 'smsdesk-web',
    clientSecret: 'smsdesk-web-secret',
    redirectUris: ['http://localhost:3000/auth/callback'],
    postLogoutRedirectUris: ['http://localhost:3000/'],
  },
  /** Machine-to-machine app: client_credentials with every API permission. */
  m2m: {
    clientId: 'smsdesk-m2m',
    clientSecret: 'smsdesk-m2m-secret',
    scopes: apiScopes,
  },
  /** Machine-to-machine app with the Management API permission `all` (Logto's M2M role "Logto Management API access"). */
  mgmt: {
    clientId: 'smsdesk-mgmt',
    clientSecret: 'smsdesk-mgmt-secret',
  },
} as const;

/**
 * The one organization dev-logto knows; the M2M app is a member. Like Logto, a token request with
 * `organization_id` gets an organization token: its permissions are organization-role ones, and it carries
 * the `organization_id` claim (smsdesk refuses such tokens).
 */
export const devOrganization = { id: 'smsdesk-dev-org', members: [devClients.m2m.clientId] } as const;

/** The Management API resource of a self-hosted Logto (the `default` tenant), and its one permission. */
export const managementApiResource = 'https://default.logto.app/api';
export const managementApiScope = 'all';

/** OIDC scopes a Logto SDK asks for besides the resource's permissions. */
export const oidcScopes = ['openid', 'offline_access', 'profile', 'roles'] as const;

export function findUserById(id: string): DevUser | undefined {
  return Object.values(devUsers).find((user) => user.id === id);
}

/** Logto's phone lookup: the digits of what was typed (`+86 139 0013 9000` → `8613900139000`). */
export function findUserByPhone(typed: string): DevUser | undefined {
  const digits = typed.replace(/\D/g, '');
  return Object.values(devUsers).find((user) => user.phone === digits);
}

export function findUserByUsername(username: string): DevUser | undefined {
  return Object.values(devUsers).find((user) => user.username === username);
}
