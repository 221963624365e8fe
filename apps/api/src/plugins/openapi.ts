import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The OpenAPI document is always built (tests and the SPA read it); `/docs` serves it unless API_DOCS=false. */
async function openapiPlugin(app: FastifyInstance, opts: { serveDocs?: boolean }) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'smsdesk API',
        version: '0.1.0',
        description:
          "Manage and test the Tencent Cloud SMS templates behind Logto's Tencent SMS connector. " +
          'Every error answers `{ "error": { "code", "message", "details"? } }`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Logto access token)' },
        },
      },
    },
  });
  // "Try it out" with the token the console's Access page copies; kept across reloads of /docs.
  if (opts.serveDocs ?? true)
    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { persistAuthorization: true } });
}

export default fp(openapiPlugin, { name: 'openapi' });
