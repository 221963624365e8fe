import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type ConnectorService, createConnectorService } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Connector profiles: the one service every module reads connectors and their credentials through. */
    connectors: ConnectorService;
  }
}

async function connectorsPlugin(app: FastifyInstance) {
  app.decorate(
    'connectors',
    createConnectorService({
      db: app.db.kysely,
      secretBox: app.secretBox,
      audit: app.audit,
      now: app.now,
      externalChanges: app.db.externalChanges,
    }),
  );
}

export default fp(connectorsPlugin, { name: 'connectors', dependencies: ['db', 'clock', 'audit'] });
