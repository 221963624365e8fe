import { MeSchema } from '@smsdesk/shared/schemas/me';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors, security } from '../../lib/routes.ts';

const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me',
    {
      onRequest: app.requireScopes(),
      schema: {
        tags: ['auth'],
        summary: 'Who is calling, with which scopes',
        security,
        response: { 200: MeSchema, ...errors(401) },
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
