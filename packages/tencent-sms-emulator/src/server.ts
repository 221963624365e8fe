import type { IncomingMessage, ServerResponse } from 'node:http';
import { actionParameters, actions } from './actions/index.ts';
import { authenticate, secretIdOf } from './auth.ts';
import { CONTROL_PREFIX, handleControl } from './control.ts';
import type { EmulatorCore } from './core.ts';
import { TencentError, errorEnvelope, missingParameter, successEnvelope } from './envelope.ts';
import { faviconPaths, faviconSvg } from './favicon.ts';
import { type Params, fromQuery, unknownParameter } from './params.ts';
import { SMS_API_VERSION, smsRegions } from './seed.ts';
import type { RequestLogEntry } from './store.ts';

export interface Logger {
  info(message: string): void;
}

export interface ListenerDeps {
  core: EmulatorCore;
  /** Wall clock for signature expiry: the SDK signs with the real time even when tests fake `now`. */
  realNow: () => number;
  logger?: Logger;
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const headerOf = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function parseParams(raw: Buffer): Params | undefined {
  if (raw.length === 0) return {};
  try {
    const v: unknown = JSON.parse(raw.toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Params) : undefined;
  } catch {
    return undefined;
  }
}

export function createListener(deps: ListenerDeps) {
  const { core } = deps;
  const pendingDelays = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pendingDelays.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pendingDelays.add(done);
    });

  /** The Tencent envelope for one API call; every failure is a Tencent error code, never a throw. */
  function answer(req: IncomingMessage, url: URL, raw: Buffer, params: Params | undefined) {
    try {
      const account = authenticate(
        {
          headers: req.headers,
          rawBody: raw,
          method: req.method ?? 'POST',
          path: url.pathname,
          query: url.search.slice(1),
        },
        (id) => core.store.accounts.get(id),
        deps.realNow(),
      );
      const version = headerOf(req, 'x-tc-version');
      if (!version) throw missingParameter('Version');
      if (version !== SMS_API_VERSION) {
        throw new TencentError(
          'NoSuchVersion',
          `The requested version \`${version}\` of service \`sms\` does not exist.`,
        );
      }
      const action = headerOf(req, 'x-tc-action');
      if (!action) throw missingParameter('Action');
      const handler = actions[action];
      if (!handler)
        throw new TencentError('InvalidAction', `The requested action \`${action}\` does not exist.`);
      const region = headerOf(req, 'x-tc-region');
      if (!region) throw missingParameter('Region');
      if (!(smsRegions as readonly string[]).includes(region)) {
        throw new TencentError(
          'UnsupportedRegion',
          `The action \`${action}\` does not support region \`${region}\`.`,
        );
      }
      if (!params) throw new TencentError('InvalidParameter', 'The request body is not a valid JSON object.');
      const unknown = unknownParameter(params, actionParameters[action] ?? []);
      if (unknown !== undefined) {
        throw new TencentError('UnknownParameter', `The parameter \`${unknown}\` is not recognized.`);
      }
      core.store.settleReviews();
      return {
        outcome: 'ok',
        envelope: successEnvelope(handler({ store: core.store, account, params, region })),
      };
    } catch (e) {
      if (e instanceof TencentError) return { outcome: e.code, envelope: errorEnvelope(e.code, e.message) };
      deps.logger?.info(`internal error: ${e instanceof Error ? e.stack : String(e)}`);
      return {
        outcome: 'InternalError.ServerError',
        envelope: errorEnvelope('InternalError.ServerError', 'Internal error.'),
      };
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<void> {
    const action = headerOf(req, 'x-tc-action') ?? '';
    const params = req.method === 'GET' ? fromQuery(url.searchParams) : parseParams(raw);
    const entry: RequestLogEntry = {
      action,
      params: params ?? raw.toString('utf8'),
      secretId: secretIdOf(headerOf(req, 'authorization')),
      region: headerOf(req, 'x-tc-region') ?? null,
      receivedAt: new Date(core.store.now()).toISOString(),
      outcome: 'pending',
    };
    core.store.requests.push(entry);

    const fault = core.faults.take(action);
    if (fault?.kind === 'http500') {
      entry.outcome = 'fault:http500';
      return send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error (injected by the emulator)');
    }
    if (fault?.kind === 'non_json') {
      entry.outcome = 'fault:non_json';
      return send(res, 200, 'text/html; charset=utf-8', '<html><body><h1>502 Bad Gateway</h1></body></html>');
    }
    if (fault?.kind === 'error') {
      entry.outcome = fault.code;
      return send(res, 200, 'application/json', JSON.stringify(errorEnvelope(fault.code, fault.message)));
    }
    if (fault?.kind === 'delay') await sleep(fault.delayMs);

    const { outcome, envelope } = answer(req, url, raw, params);
    entry.outcome = outcome;
    deps.logger?.info(`${action || '(no action)'} → ${outcome}`);
    if (!res.destroyed) send(res, 200, 'application/json', JSON.stringify(envelope));
  }

  async function listener(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://emulator.local');
      const raw = await readBody(req);
      if (req.method === 'GET' && faviconPaths.has(url.pathname)) {
        return send(res, 200, 'image/svg+xml', faviconSvg);
      }
      if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
        const reply = handleControl(core, req.method ?? 'GET', url, raw);
        return send(res, reply.status, reply.contentType, reply.body);
      }
      // Tencent serves API 3.0 calls as POST (JSON body) and GET (parameters in the query string).
      if (req.method === 'POST' || req.method === 'GET') return await handleApi(req, res, url, raw);
      send(
        res,
        404,
        'application/json',
        JSON.stringify({ error: 'Tencent Cloud API calls are POST / or GET /' }),
      );
    } catch (e) {
      deps.logger?.info(`request failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'emulator error');
    }
  }

  /** Ends pending injected delays, so close() does not wait for them. */
  const cancelDelays = () => {
    for (const done of [...pendingDelays]) done();
  };

  return { listener, cancelDelays };
}
