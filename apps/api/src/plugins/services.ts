import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type ConnectorService, createConnectorService } from '../modules/connectors/service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Connector profiles: the one service every module reads connectors and their credentials through. */
    connectors: ConnectorService;
  }
}

async function servicesPlugin(app: FastifyInstance) {
  app.decorate(
    'connectors',
    createConnectorService({
      db: app.db.kysely,
      secretBox: app.secretBox,
      externalChanges: app.db.externalChanges,
    }),
  );
}

export default fp(servicesPlugin, { name: 'services', dependencies: ['db'] });
