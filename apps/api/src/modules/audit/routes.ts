import { AuditPageSchema, AuditQuerySchema } from '@smsdesk/shared/schemas/audit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors, security } from '../../lib/routes.ts';

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit-events',
    {
      onRequest: app.requireScopes('read:connectors'),
      schema: {
        tags: ['audit'],
        summary: 'Who changed, exported or used which connector, newest first',
        security,
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => app.audit.list(request.query),
  );
};

export default auditRoutes;
