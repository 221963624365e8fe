import './quiet-oidc-provider.ts';
import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import Provider, { type Configuration, errors, interactionPolicy } from 'oidc-provider';
import { buildClients, corsOriginsOf } from './clients.ts';
import {
  apiScopes,
  devClients,
  devOrganization,
  findUserById,
  managementApiResource,
  managementApiScope,
} from './constants.ts';
import { saveAutoGrant } from './grants.ts';
import { errorPage, logoutPage, signedOutPage } from './pages.ts';

export interface ProviderOptions {
  issuer: string;
  resource: string;
  keys: JWK[];
  extraRedirectOrigins: readonly string[];
  accessTokenTtlSeconds: number;
}

const day = 24 * 60 * 60;

/**
 * Consent is automatic (see grants.ts), so a permission the user's roles do not allow must not send the
 * browser back to a consent prompt: it is simply left out of the token, as Logto does.
 */
function policy() {
  const prompts = interactionPolicy.base();
  prompts.get('consent')?.checks.remove('rs_scopes_missing');
  return prompts;
}

export function createProvider(options: ProviderOptions): Provider {
  const { resource, accessTokenTtlSeconds } = options;

  const configuration: Configuration = {
    clients: buildClients(options.extraRedirectOrigins),
    jwks: { keys: options.keys as NonNullable<Configuration['jwks']>['keys'] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    enabledJWA: { idTokenSigningAlgValues: ['ES384'] },
    // Clients default to RS256, which the P-384 key cannot produce.
    clientDefaults: { id_token_signed_response_alg: 'ES384' },
    claims: {
      openid: ['sub'],
      profile: ['name', 'username', 'picture'],
      roles: ['roles'],
    },
    // Logto puts the profile claims into the ID token too.
    conformIdTokenClaims: false,
    async extraTokenClaims(ctx, token) {
      // An organization token (Logto: `organization_id` at the token endpoint) names its organization.
      const asked = (ctx?.oidc?.body as { organization_id?: unknown } | undefined)?.organization_id;
      if (typeof asked !== 'string' || token.kind !== 'ClientCredentials') return undefined;
      const clientId = (token as { clientId?: string }).clientId ?? '';
      if (
        asked !== devOrganization.id ||
        !(devOrganization.members as readonly string[]).includes(clientId)
      ) {
        throw new errors.InvalidRequest('the application is not a member of this organization');
      }
      return { organization_id: asked };
    },
    async findAccount(_ctx, sub) {
      const user = findUserById(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        async claims() {
          return {
            sub: user.id,
            name: user.name,
            username: user.username,
            picture: null,
            roles: [...user.roles],
          };
        },
      };
    },
    async loadExistingGrant(ctx) {
      const { client, session, params } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId ?? (client && session?.grantIdFor(client.clientId));
      const accountId = session?.accountId;
      if (!client || !accountId) return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
      const savedId = await saveAutoGrant(ctx.oidc.provider, resource, {
        accountId,
        clientId: client.clientId,
        scope: params?.scope,
        resource: params?.resource,
        existingGrantId: grantId,
      });
      return ctx.oidc.provider.Grant.find(savedId);
    },
    interactions: {
      policy: policy(),
      // The provider is mounted under /oidc; the login page lives at the app's root.
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    clientBasedCORS: (_ctx, origin, client) => corsOriginsOf(client).has(origin),
    pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        // Like Logto: no resource at the token endpoint means an opaque token for /oidc/me.
        defaultResource: (_ctx, _client, oneOf) => oneOf,
        useGrantedResource: () => false,
        getResourceServerInfo(_ctx, indicator, client) {
          if (indicator === managementApiResource) {
            // Only the app holding Logto's "Management API access" M2M role may ask for this resource.
            if (client.clientId !== devClients.mgmt.clientId) throw new errors.InvalidTarget();
            return {
              audience: managementApiResource,
              scope: managementApiScope,
              accessTokenFormat: 'jwt',
              accessTokenTTL: accessTokenTtlSeconds,
              jwt: { sign: { alg: 'ES384' } },
            };
          }
          if (indicator !== resource) throw new errors.InvalidTarget();
          return {
            audience: resource,
            scope: apiScopes.join(' '),
            accessTokenFormat: 'jwt',
            accessTokenTTL: accessTokenTtlSeconds,
            jwt: { sign: { alg: 'ES384' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: accessTokenTtlSeconds,
      ClientCredentials: accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * day,
      Grant: 14 * day,
      RefreshToken: 14 * day,
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage('Sign-in error', { ...out });
    },
  };

  return new Provider(options.issuer, configuration);
}
