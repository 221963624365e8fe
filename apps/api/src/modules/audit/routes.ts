import { AuditPageSchema, AuditQuerySchema } from '@smsdesk/shared/schemas/audit';
import { ErrorBodySchema } from '@smsdesk/shared/schemas/errors';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAuditEvents } from './repository.ts';

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit-events',
    {
      onRequest: app.requireScopes('read:connectors'),
      schema: {
        tags: ['audit'],
        summary: 'Who changed, exported or used which connector, newest first',
        security: [{ bearer: [] }],
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
      },
    },
    async (request) => listAuditEvents(app.db.kysely, { ...request.query, limit: request.query.limit ?? 20 }),
  );
};

export default auditRoutes;
