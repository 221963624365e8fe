import type { JWK } from 'jose';
import type { Middleware } from 'koa';
import { managementAuth } from './auth.ts';
import { LogtoRequestError } from './errors.ts';
import { loadSmsFactories } from './factories.ts';
import type { PasscodeDeps } from './passcodes.ts';
import { managementRoutes } from './routes.ts';
import { StateStore } from './state.ts';

const maxBodyBytes = 64 * 1024;

async function readJson(req: AsyncIterable<Buffer>): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > maxBodyBytes)
      throw new LogtoRequestError({ code: 'guard.invalid_input', type: 'body', status: 413 });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LogtoRequestError({
      code: 'guard.invalid_input',
      type: 'body',
      details: (error as Error).message,
    });
  }
}

export interface ManagementApiOptions {
  issuer: string;
  keys: readonly JWK[];
  /** Where the tenant's connectors and codes are kept; `false`: memory only. */
  stateFile: string | false;
  log?: (line: string) => void;
}

export interface ManagementApi {
  middleware: Middleware;
  passcodes: PasscodeDeps;
}

/** The part of Logto's Management API smsdesk uses, under `/api`, behind Logto's token check. */
export async function createManagementApi(options: ManagementApiOptions): Promise<ManagementApi> {
  const store = new StateStore(options.stateFile);
  const factories = await loadSmsFactories((factoryId) =>
    store.state.connectors.find((entry) => entry.connectorId === factoryId),
  );
  const deps: PasscodeDeps = {
    store,
    factories,
    onSent: ({ phone, type }) => options.log?.(`dev-logto: sent a ${type} code to ${phone}`),
  };
  const routes = managementRoutes(deps);
  const authenticate = managementAuth(options.issuer, options.keys);

  const middleware: Middleware = async (ctx, next) => {
    if (ctx.path !== '/api' && !ctx.path.startsWith('/api/')) return next();
    try {
      await authenticate(ctx.get('authorization') || undefined);
      const candidates = routes.filter((item) => item.path.test(ctx.path));
      const match = candidates.find((item) => item.method === ctx.method);
      if (!match) {
        ctx.status = candidates.length > 0 ? 405 : 404;
        return;
      }
      const values = match.path.exec(ctx.path)?.slice(1) ?? [];
      const params = Object.fromEntries(
        match.keys.map((key, index) => [key, decodeURIComponent(values[index] ?? '')]),
      );
      const body = ['POST', 'PATCH', 'PUT'].includes(ctx.method) ? await readJson(ctx.req) : undefined;
      await match.run({ ctx, params, body });
    } catch (error) {
      if (!(error instanceof LogtoRequestError)) throw error;
      ctx.status = error.status;
      ctx.body = error.body;
    }
  };
  return { middleware, passcodes: deps };
}
