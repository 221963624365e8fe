import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { LogtoRequestError } from './errors.ts';
import { connectorResponse, factoryResponse, type SmsFactory } from './factories.ts';
import { createAndSendPasscode, type PasscodeDeps, verifyPasscode } from './passcodes.ts';
import type { ConnectorEntry } from './state.ts';

const phoneRegEx = /^\d+$/;
const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Logto's buildIdGenerator(12): lowercase letters and digits. */
function connectorId(): string {
  return [...randomBytes(12)].map((byte) => idAlphabet[byte % idAlphabet.length]).join('');
}

export interface RouteInput {
  ctx: Context;
  params: Record<string, string>;
  body: unknown;
}
export type Route = {
  method: string;
  path: RegExp;
  keys: string[];
  run(input: RouteInput): Promise<void> | void;
};

function route(method: string, pattern: string, run: Route['run']): Route {
  const keys: string[] = [];
  const source = pattern.replaceAll(/:(\w+)/g, (_, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { method, path: new RegExp(`^${source}$`), keys, run };
}

type Issue = { path: string; code: string; message: string };

/** Logto's koaGuard refusal: 400 `guard.invalid_input` with the zod-formatted issues as `details`. */
function invalid(type: 'body' | 'query' | 'params', issues: Issue[]): LogtoRequestError {
  return new LogtoRequestError({
    code: 'guard.invalid_input',
    type,
    details: issues
      .map((issue) => `Error in key path "${issue.path}": (${issue.code}) ${issue.message}`)
      .join('\n'),
  });
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('body', [
      { path: '', code: 'invalid_type', message: `Expected object but received ${typeof body}.` },
    ]);
  }
  return body as Record<string, unknown>;
}

function jsonObject(
  body: Record<string, unknown>,
  key: string,
  required: boolean,
): Record<string, unknown> | undefined {
  const value = body[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('body', [
      {
        path: key,
        code: 'invalid_type',
        message: `Expected object but received ${value === null ? 'null' : typeof value}.`,
      },
    ]);
  }
  return value as Record<string, unknown>;
}

function phoneOf(body: Record<string, unknown>, required: boolean): string | undefined {
  const phone = body.phone;
  if (phone === undefined && !required) return undefined;
  if (typeof phone !== 'string' || !phoneRegEx.test(phone)) {
    throw invalid('body', [
      {
        path: 'phone',
        code: typeof phone === 'string' ? 'invalid_string' : 'invalid_type',
        message: 'Invalid',
      },
    ]);
  }
  return phone;
}

export function managementRoutes(deps: PasscodeDeps): Route[] {
  const { store, factories } = deps;

  const factoryOf = (entry: ConnectorEntry): SmsFactory => {
    const factory = factories.get(entry.connectorId);
    if (!factory) throw new Error(`connector ${entry.id} has an unknown factory ${entry.connectorId}`);
    return factory;
  };
  const find = (id: string): ConnectorEntry => {
    const entry = store.state.connectors.find((item) => item.id === id);
    if (!entry)
      throw new LogtoRequestError({ code: 'entity.not_exists_with_id', name: 'connector', id, status: 404 });
    return entry;
  };
  const answer = (ctx: Context, entry: ConnectorEntry) => {
    ctx.body = connectorResponse(factoryOf(entry), entry);
  };

  return [
    route('GET', '/api/connector-factories', ({ ctx }) => {
      ctx.body = [...factories.values()].map(factoryResponse);
    }),
    route('GET', '/api/connector-factories/:id', ({ ctx, params }) => {
      const factory = factories.get(params.id ?? '');
      if (!factory) throw new LogtoRequestError({ code: 'entity.not_found', status: 404 });
      ctx.body = factoryResponse(factory);
    }),
    route('GET', '/api/connectors', ({ ctx }) => {
      const target = typeof ctx.query.target === 'string' ? ctx.query.target : undefined;
      ctx.body = store.state.connectors
        .map((entry) => connectorResponse(factoryOf(entry), entry))
        .filter((connector) => !target || connector.target === target);
    }),
    route('POST', '/api/connectors', ({ ctx, body }) => {
      const input = objectBody(body);
      const factory = typeof input.connectorId === 'string' ? factories.get(input.connectorId) : undefined;
      if (!factory)
        throw new LogtoRequestError({ code: 'connector.not_found_with_connector_id', status: 422 });
      if (input.metadata !== undefined) {
        throw new LogtoRequestError({
          code: 'connector.cannot_overwrite_metadata_for_non_standard_connector',
        });
      }
      if (store.state.connectors.some((entry) => entry.connectorId === factory.id)) {
        throw new LogtoRequestError({ code: 'connector.multiple_instances_not_supported', status: 422 });
      }
      const config = jsonObject(input, 'config', false);
      if (config) factory.validate(config);
      const id = typeof input.id === 'string' && input.id ? input.id : connectorId();
      const entry: ConnectorEntry = {
        id,
        connectorId: factory.id,
        config: config ?? {},
        metadata: {},
        syncProfile: false,
        enableTokenStorage: false,
        createdAt: Date.now(),
      };
      // Logto keeps one SMS connector: inserting one deletes every other SMS connector of the tenant.
      store.update((state) => {
        state.connectors = [...state.connectors.filter((item) => !factories.has(item.connectorId)), entry];
      });
      answer(ctx, entry);
    }),
    route('GET', '/api/connectors/:id', ({ ctx, params }) => answer(ctx, find(params.id ?? ''))),
    route('PATCH', '/api/connectors/:id', ({ ctx, params, body }) => {
      const entry = find(params.id ?? '');
      const input = objectBody(body);
      if (input.metadata !== undefined) {
        throw new LogtoRequestError({
          code: 'connector.cannot_overwrite_metadata_for_non_standard_connector',
        });
      }
      const config = jsonObject(input, 'config', false);
      if (config) factoryOf(entry).validate(config);
      store.update((state) => {
        const stored = state.connectors.find((item) => item.id === entry.id);
        // jsonbMode 'replace': the new config is the whole config.
        if (stored && config) stored.config = config;
      });
      answer(ctx, find(entry.id));
    }),
    route('DELETE', '/api/connectors/:id', ({ ctx, params }) => {
      const entry = find(params.id ?? '');
      store.update((state) => {
        state.connectors = state.connectors.filter((item) => item.id !== entry.id);
      });
      ctx.status = 204;
    }),
    route('POST', '/api/connectors/:factoryId/test', async ({ ctx, params, body }) => {
      const input = objectBody(body);
      const phone = phoneOf(input, false);
      const config = jsonObject(input, 'config', true);
      if (!phone) throw new LogtoRequestError({ code: 'guard.invalid_input', type: 'body' });
      const factory = factories.get(params.factoryId ?? '');
      if (!factory)
        throw new LogtoRequestError({
          code: 'connector.not_found',
          type: 'Sms',
          factoryId: params.factoryId,
        });
      // The Console test: the config in the request, not the saved one; Generic with code 000000.
      await factory.send({ to: phone, type: 'Generic', payload: { code: '000000' } }, config);
      ctx.status = 204;
    }),
    route('POST', '/api/verification-codes', async ({ ctx, body }) => {
      const input = objectBody(body);
      const phone = phoneOf(input, true) ?? '';
      await createAndSendPasscode(deps, phone, 'Generic');
      ctx.status = 204;
    }),
    route('POST', '/api/verification-codes/verify', ({ ctx, body }) => {
      const input = objectBody(body);
      const phone = phoneOf(input, true) ?? '';
      if (typeof input.verificationCode !== 'string' || input.verificationCode === '') {
        throw invalid('body', [{ path: 'verificationCode', code: 'invalid_type', message: 'Required' }]);
      }
      verifyPasscode(deps, phone, 'Generic', input.verificationCode);
      ctx.status = 204;
    }),
  ];
}
