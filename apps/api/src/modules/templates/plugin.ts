import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createTemplateService, type TemplateService } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The templates and signs at Tencent, through a connector's credentials. */
    templates: TemplateService;
  }
}

async function templatesPlugin(app: FastifyInstance) {
  app.decorate(
    'templates',
    createTemplateService({
      db: app.db.kysely,
      tencent: app.tencent,
      connectors: app.connectors,
      audit: app.audit,
      now: app.now,
    }),
  );
}

export default fp(templatesPlugin, {
  name: 'templates',
  dependencies: ['db', 'clock', 'tencent', 'audit', 'connectors'],
});
