import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const apiPrefixes = ['/api/', '/auth/', '/docs', '/health', '/__'];

export function hasBuiltSpa(root: string): boolean {
  return existsSync(`${root}/index.html`);
}

/** The history-API fallback: a GET for a client-side route gets index.html; anything else stays a 404. */
export function spaFallback(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? '/';
  const wantsPage = request.method === 'GET' && !apiPrefixes.some((p) => path.startsWith(p));
  if (!wantsPage || /\.[a-z0-9]+$/i.test(path)) return null;
  return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
}

/** Serves the built SPA at `/`, so one process serves both in production. */
async function spaPlugin(app: FastifyInstance, opts: { root: string }) {
  await app.register(fastifyStatic, {
    root: opts.root,
    // One route for every file (a route per file cost a tenth of the start); a missing file falls through to
    // the not-found handler (spaFallback) as an unknown path does.
    wildcard: true,
    index: ['index.html'],
    // Hashed assets never change; index.html must be revalidated to pick up a new build.
    setHeaders: (res, path) => {
      res.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}

export default fp(spaPlugin, { name: 'spa' });
