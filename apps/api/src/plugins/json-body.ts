import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * `curl -H 'content-type: application/json' -X POST …/check` sends the header with no body; Fastify's parser
 * refuses that with a 400. Routes that take no body accept it (as no body); routes that need one still answer
 * their schema's 400. Anything else goes through Fastify's own parser (prototype-poisoning checks included).
 */
async function jsonBodyPlugin(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    parse(request, text, done);
  });
}

export default fp(jsonBodyPlugin, { name: 'json-body' });
