import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type AuditService, createAuditService } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The audit trail: every change made here or at Tencent, every export and test send. */
    audit: AuditService;
  }
}

async function auditPlugin(app: FastifyInstance) {
  app.decorate('audit', createAuditService({ db: app.db.kysely, now: app.now, log: app.log }));
}

export default fp(auditPlugin, { name: 'audit', dependencies: ['db', 'clock'] });
