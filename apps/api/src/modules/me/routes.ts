import { ErrorBodySchema } from '@smsdesk/shared/schemas/errors';
import { MeSchema } from '@smsdesk/shared/schemas/me';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me',
    {
      onRequest: app.requireScopes(),
      schema: {
        tags: ['auth'],
        summary: 'Who is calling, with which scopes',
        security: [{ bearer: [] }],
        response: { 200: MeSchema, 401: ErrorBodySchema },
      },
    },
    async (request) => {
      const caller = request.caller!;
      return {
        sub: caller.sub,
        clientId: caller.clientId,
        scopes: caller.scopes,
        authMethod: caller.authMethod,
      };
    },
  );
};

export default meRoutes;
