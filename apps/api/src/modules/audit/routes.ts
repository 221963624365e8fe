import { AuditPageSchema, AuditQuerySchema } from '@smsdesk/shared/schemas/audit';
import { ErrorBodySchema } from '@smsdesk/shared/schemas/errors';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

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
    async (request) => app.audit.list(request.query),
  );
};

export default auditRoutes;
