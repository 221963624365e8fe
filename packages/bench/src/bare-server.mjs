// The baseline: a bare Fastify route answering the same JSON as GET /api/connectors, no auth, no database.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = readFileSync(process.env.BARE_BODY_FILE ?? '', 'utf8');
const app = Fastify({ logger: false });
app.get('/api/connectors', async (_request, reply) => reply.type('application/json').send(body));
app.get('/health/ready', async () => ({ status: 'ready' }));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
