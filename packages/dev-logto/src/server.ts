import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';
import Koa from 'koa';
import mount from 'koa-mount';
import { defaultResource, managementApiResource } from './constants.ts';
import { routeTencentHost } from '@smsdesk/tencent-sms-emulator/tencent-host';
import { favicon } from './favicon.ts';
import { createManagementApi } from './management/index.ts';
import { interactionRoutes } from './interactions.ts';
import { loadOrCreateSigningKeys } from './keys.ts';
import { createProvider } from './provider.ts';

export interface DevLogtoOptions {
  /** Default 3001; 0 picks a free port. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. The issuer always says `localhost`. */
  host?: string;
  /** API resource indicator; default `https://api.smsdesk.local`. */
  resource?: string;
  /** Private signing JWKs (P-384); when absent they are read from / written to `keyFile`. */
  keys?: JWK[];
  /** Default `./.dev-logto/jwks.json` relative to the working directory. */
  keyFile?: string;
  /** Extra origins allowed as redirect targets (`/callback`, `/auth/callback`, post-logout `/`). */
  extraRedirectOrigins?: string[];
  /** Access token lifetime; default 3600. */
  accessTokenTtlSeconds?: number;
  /**
   * Where the Management API keeps the tenant's connectors and verification codes. Default `false`:
   * in memory, a fresh empty tenant per start (tests); the CLI keeps them in `./.dev-logto/management.json`.
   */
  stateFile?: string | false;
  /**
   * The Tencent SMS emulator (`http://localhost:3002`): the real connector's requests to
   * `sms.tencentcloudapi.com` go there instead (routeTencentHost), the package itself unpatched. Unset:
   * they go to Tencent.
   */
  tencentEmulatorUrl?: string;
  /** Lines worth a developer's eye (codes sent); default silent. */
  log?: (line: string) => void;
}

export interface DevLogto {
  /** `http://localhost:PORT/oidc` */
  issuer: string;
  /** `http://localhost:PORT`, what `LOGTO_ENDPOINT` is set to. */
  endpoint: string;
  port: number;
  resource: string;
  /** The private signing key, so tests can forge tokens the API would accept. */
  privateJwk: JWK;
  /** The Management API resource indicator (`https://default.logto.app/api`). */
  managementApiResource: string;
  /** Where the real connector's Tencent requests go, when routed to the emulator. */
  tencentEmulatorUrl: string | undefined;
  close(): Promise<void>;
}

export async function startDevLogto(options: DevLogtoOptions = {}): Promise<DevLogto> {
  const resource = options.resource ?? defaultResource;
  const keys = options.keys?.length ? options.keys : await loadOrCreateSigningKeys(options.keyFile);
  const privateJwk = keys[0];
  if (!privateJwk?.d) throw new Error('dev-logto needs a private signing JWK');

  // Listen first: with port 0 the issuer can only be known once the OS has picked the port.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3001, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://localhost:${port}`;
  const issuer = `${endpoint}/oidc`;

  const provider = createProvider({
    issuer,
    resource,
    keys,
    extraRedirectOrigins: options.extraRedirectOrigins ?? [],
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
  });
  const app = new Koa();
  // koa-mount runs the provider with this app's context, so cookies are signed with this app's keys.
  app.keys = provider.keys ?? [];
  const tencentRoute = options.tencentEmulatorUrl
    ? await routeTencentHost({ emulatorUrl: options.tencentEmulatorUrl })
    : undefined;
  const management = await createManagementApi({
    issuer,
    keys,
    stateFile: options.stateFile ?? false,
    ...(options.log ? { log: options.log } : {}),
  });
  app.use(favicon);
  app.use(management.middleware);
  app.use(interactionRoutes(provider, resource, management.passcodes));
  app.use(mount('/oidc', provider));
  server.on('request', app.callback());

  return {
    issuer,
    endpoint,
    port,
    resource,
    privateJwk,
    managementApiResource,
    tencentEmulatorUrl: options.tencentEmulatorUrl,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await tencentRoute?.close();
    },
  };
}
