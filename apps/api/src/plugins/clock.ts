import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The time every service stamps its rows and checks its deadlines with; tests may set it. */
    now: () => Date;
  }
}

async function clockPlugin(app: FastifyInstance, opts: { now?: () => Date }) {
  app.decorate('now', opts.now ?? (() => new Date()));
}

export default fp(clockPlugin, { name: 'clock' });
