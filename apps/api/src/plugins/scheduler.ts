import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createScheduler, type Scheduler } from '../lib/scheduler.ts';

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: Scheduler;
  }
}

/** Background jobs, run once across every instance on the database (see lib/scheduler.ts). */
async function schedulerPlugin(app: FastifyInstance) {
  const scheduler = createScheduler(app.db, app.log);
  app.decorate('scheduler', scheduler);
  // Started once every plugin added its jobs (and ran what is due at start); stopped before the database.
  app.addHook('onReady', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());
}

export default fp(schedulerPlugin, { name: 'scheduler', dependencies: ['db'] });
