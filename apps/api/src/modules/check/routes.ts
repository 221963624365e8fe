import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CheckResultSchema } from '@smsdesk/shared/schemas/check';
import { IdParamsSchema } from '@smsdesk/shared/schemas/common';
import { errors, security } from '../../lib/routes.ts';

const checkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/connectors/:id/check',
    {
      onRequest: app.requireScopes('read:connectors'),
      schema: {
        tags: ['check'],
        security,
        summary:
          'Check everything Logto needs at Tencent: credentials, SDK app, sign, and a usable template per usage type',
        description:
          'Read-only at Tencent (nothing is sent). Tencent failures become findings; `ok` is true only without error findings.',
        params: IdParamsSchema,
        response: { 200: CheckResultSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => app.check.run(request.params.id),
  );
};

export default checkRoutes;
