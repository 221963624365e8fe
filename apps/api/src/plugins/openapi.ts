import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import type { SwaggerOptions } from '@fastify/swagger';

const documentOptions: SwaggerOptions = {
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
};
// "Try it out" with the token the console's Access page copies; kept across reloads of /docs.
const uiOptions = { routePrefix: '/docs', uiConfig: { persistAuthorization: true } };

async function registerDocs(app: FastifyInstance) {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
  await app.register(swagger, documentOptions);
  await app.register(swaggerUi, uiOptions);
}

/**
 * `/docs` (Swagger UI) and `/docs/json` (the OpenAPI document), unless API_DOCS=false. Loading
 * @fastify/swagger and @fastify/swagger-ui was a tenth of the start, for a page few requests ask for:
 * the routes are noted as they are added, and the first request under /docs builds a small Fastify app
 * of its own with both plugins and the same routes (handlers and compilers left out), which generates
 * the same document; /docs requests are answered from it. `eager` registers them on the app itself,
 * as before, so a test can compare the two documents.
 */
async function openapiPlugin(app: FastifyInstance, opts: { serveDocs?: boolean; eager?: boolean }) {
  if (!(opts.serveDocs ?? true)) return;
  if (opts.eager) return registerDocs(app);

  const routes: RouteOptions[] = [];
  let docs: Promise<FastifyInstance> | undefined;
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    docs ??= docsApp(routes).catch((error: unknown) => {
      docs = undefined;
      throw error;
    });
    const res = await (await docs).inject({
      // A HEAD is answered from the GET, as Fastify's own HEAD routes are (it sends no body).
      method: 'GET',
      url: request.url,
      headers: forwarded(request.headers),
    });
    // Not found there (an unknown page or static file) is a 404 in the API's own shape, as before.
    if (res.statusCode === 404) return reply.callNotFound();
    for (const [name, value] of Object.entries(res.headers))
      if (value !== undefined && !hopByHop.has(name)) reply.header(name, value);
    reply.code(res.statusCode);
    // An empty body (a redirect) stays one: a Buffer, even empty, would be typed application/octet-stream.
    return res.rawPayload.length > 0 ? reply.send(res.rawPayload) : reply.send();
  };
  app.get('/docs', { schema: { hide: true } }, serve);
  app.get('/docs/*', { schema: { hide: true } }, serve);
  // Every route added from here on (these two are not). HEAD routes are not in the document
  // (@fastify/swagger leaves them out), and the docs app makes none.
  app.addHook('onRoute', (route) => {
    if (route.method !== 'HEAD') routes.push(route);
  });
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

function forwarded(headers: FastifyRequest['headers']) {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !hopByHop.has(name) && name !== 'host') out[name] = value;
  return out;
}

async function docsApp(routes: RouteOptions[]): Promise<FastifyInstance> {
  const docs: FastifyInstance = Fastify({
    logger: false,
    // The routes are only read for the document: nothing validates or serializes with their schemas.
    schemaController: {
      compilersFactory: {
        buildValidator: () => () => Object.assign(() => true, { schema: {}, schemaEnv: {} }) as never,
        buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
      },
    },
  });
  await registerDocs(docs);
  const noop = async () => undefined;
  // A hidden route (the SPA's files among them) is not in the document: it is left out of the docs app.
  for (const route of routes.filter((r) => r.schema?.hide !== true)) {
    const { method, url, schema, config, constraints, links } = route as RouteOptions & { links?: unknown };
    docs.route({
      method,
      url,
      schema,
      config,
      constraints,
      links,
      exposeHeadRoutes: false,
      handler: noop,
    } as RouteOptions);
  }
  await docs.ready();
  return docs;
}

export default fp(openapiPlugin, { name: 'openapi' });
