// The baseline: a bare Fastify route answering the same JSON as GET /api/connectors, no auth, no database.
// BARE_PLUGIN=cors|helmet registers that one plugin as smsdesk configures it, to measure what it costs;
// BARE_HEADERS (JSON) sets those headers on every reply with one call, as smsdesk's security plugin does.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = process.env.BARE_BODY_FILE ? readFileSync(process.env.BARE_BODY_FILE, 'utf8') : '{}';
const app = Fastify({ logger: false });
if (process.env.BARE_PLUGIN === 'cors') {
  const { default: cors } = await import('@fastify/cors');
  await app.register(cors, {
    origin: 'http://localhost:5173',
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['ETag', 'Location', 'Retry-After', 'WWW-Authenticate'],
  });
}
if (process.env.BARE_PLUGIN === 'helmet') {
  const { default: helmet } = await import('@fastify/helmet');
  const logto = process.env.LOGTO_ORIGIN ?? 'http://localhost:3001';
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", logto],
        imgSrc: ["'self'", 'data:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'", logto],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
}
if (process.env.BARE_HEADERS) {
  const headers = JSON.parse(process.env.BARE_HEADERS);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
// BARE_SDK_ENDPOINT: a route that makes the same SendSms call as a test send, and nothing else (no auth,
// no database, no log): the floor of any API in front of Tencent, one HTTP hop more than the SDK alone.
if (process.env.BARE_SDK_ENDPOINT) {
  const tencentcloud = await import('tencentcloud-sdk-nodejs-sms');
  const http = await import('node:http');
  const send = JSON.parse(process.env.BARE_SDK_SEND ?? '{}');
  const client = new tencentcloud.sms.v20210111.Client({
    credential: { secretId: send.secretId, secretKey: send.secretKey },
    region: send.region,
    profile: {
      httpProfile: {
        endpoint: process.env.BARE_SDK_ENDPOINT,
        protocol: 'http://',
        reqTimeout: 10,
        agent: new http.Agent({ keepAlive: true }),
      },
    },
  });
  app.post('/send', async (request) => {
    const result = await client.SendSms({
      SmsSdkAppId: send.sdkAppId,
      SignName: send.signName,
      TemplateId: send.templateId,
      TemplateParamSet: [String(Math.floor(100000 + Math.random() * 900000))],
      PhoneNumberSet: [request.body.phoneNumber],
    });
    return { status: result.SendStatusSet?.[0]?.Code };
  });
}
app.get('/api/connectors', async (_request, reply) => reply.type('application/json').send(body));
app.get('/health/ready', async () => ({ status: 'ready' }));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
