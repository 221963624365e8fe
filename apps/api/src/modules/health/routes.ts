import { HealthSchema, ReadinessSchema } from '@smsdesk/shared/schemas/health';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const healthRoutes: FastifyPluginAsyncTypebox<{ checks: () => ReadinessCheck[] }> = async (app, opts) => {
  app.get(
    '/health',
    { schema: { tags: ['health'], summary: 'Liveness', response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: each dependency up or down',
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
    },
    async (_request, reply) => {
      const dependencies = await Promise.all(
        opts.checks().map(async ({ name, check }) => {
          const started = performance.now();
          try {
            await check();
            return { name, status: 'up' as const, latencyMs: Math.round(performance.now() - started) };
          } catch (error) {
            return { name, status: 'down' as const, message: (error as Error).message };
          }
        }),
      );
      const ready = dependencies.every((d) => d.status === 'up');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', dependencies });
    },
  );
};

export default healthRoutes;
