import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { createManagementClient } from './management-client.ts';
import { createLogtoTenantService, type LogtoTenantService } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Logto tenants and their Tencent connector, through Logto's Management API. */
    logtoTenants: LogtoTenantService;
  }
}

async function logtoTenantsPlugin(app: FastifyInstance, opts: { config: Pick<Config, 'logtoManagement'> }) {
  app.decorate(
    'logtoTenants',
    createLogtoTenantService({
      db: app.db.kysely,
      secretBox: app.secretBox,
      audit: app.audit,
      connectors: app.connectors,
      client: createManagementClient({ timeoutMs: opts.config.logtoManagement.timeoutMs }),
      now: app.now,
    }),
  );
}

export default fp(logtoTenantsPlugin, {
  name: 'logto-tenants',
  dependencies: ['db', 'clock', 'audit', 'connectors'],
});
