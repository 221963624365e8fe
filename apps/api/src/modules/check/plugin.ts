import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type CheckService, createCheckService } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The read-only check of everything Logto needs at Tencent. */
    check: CheckService;
  }
}

async function checkPlugin(app: FastifyInstance) {
  app.decorate(
    'check',
    createCheckService({
      tencent: app.tencent,
      connectors: app.connectors,
      templates: app.templates,
      callbacks: app.callbacks,
      now: app.now,
    }),
  );
}

export default fp(checkPlugin, {
  name: 'check',
  dependencies: ['clock', 'tencent', 'connectors', 'templates', 'callbacks'],
});
