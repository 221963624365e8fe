import type { ClientMetadata } from 'oidc-provider';
import { devClients } from './constants.ts';

function withoutTrailingSlash(uri: string): string {
  return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

/** `@logto/js` users write the post-logout URI either way; Logto compares strings, so register both. */
function bothSlashForms(uris: readonly string[]): string[] {
  return [...new Set(uris.flatMap((uri) => [uri, withoutTrailingSlash(uri)]))];
}

export function buildClients(extraRedirectOrigins: readonly string[] = []): ClientMetadata[] {
  const origins = extraRedirectOrigins.map(withoutTrailingSlash);
  return [
    {
      client_id: devClients.spa.clientId,
      client_name: 'smsdesk console (SPA)',
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [...devClients.spa.redirectUris, ...origins.map((origin) => `${origin}/callback`)],
      post_logout_redirect_uris: bothSlashForms([
        ...devClients.spa.postLogoutRedirectUris,
        ...origins.map((origin) => `${origin}/`),
      ]),
    },
    {
      client_id: devClients.web.clientId,
      client_secret: devClients.web.clientSecret,
      client_name: 'smsdesk API (traditional web)',
      application_type: 'web',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [...devClients.web.redirectUris, ...origins.map((origin) => `${origin}/auth/callback`)],
      post_logout_redirect_uris: bothSlashForms([
        ...devClients.web.postLogoutRedirectUris,
        ...origins.map((origin) => `${origin}/`),
      ]),
    },
    {
      client_id: devClients.m2m.clientId,
      client_secret: devClients.m2m.clientSecret,
      client_name: 'smsdesk machine-to-machine',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      // No `scope` metadata: oidc-provider only accepts OIDC scopes there. The API permissions an M2M app
      // may get come from getResourceServerInfo, like Logto's M2M roles.
    },
    {
      client_id: devClients.mgmt.clientId,
      client_secret: devClients.mgmt.clientSecret,
      client_name: 'smsdesk Management API access',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ];
}

/** Origins a browser may call the token/userinfo endpoints from for a client: its redirect URIs' origins. */
export function corsOriginsOf(client: {
  redirectUris?: readonly string[] | undefined;
  postLogoutRedirectUris?: readonly string[] | undefined;
}) {
  const origins = new Set<string>();
  for (const uri of [...(client.redirectUris ?? []), ...(client.postLogoutRedirectUris ?? [])]) {
    const url = URL.parse(uri);
    if (url) origins.add(url.origin);
  }
  return origins;
}
