import type { FieldError } from '@smsdesk/shared/schemas/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type ErrorCode, createError } from '../errors.ts';
import { isStorableText } from '../lib/text.ts';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns Ajv's issues into `{ field, rule, message }`, with the field spelled as the client wrote it. */
export function toFieldErrors(context: string, issues: readonly AjvIssue[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    let field = path ? `${context}.${path}` : context;
    if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
      field = `${field}.${issue.params.missingProperty}`;
    }
    if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
      field = `${field}.${issue.params.additionalProperty}`;
      return { field, rule: 'additionalProperties', message: 'is not a known field' };
    }
    return { field, rule: issue.keyword, message: issue.message ?? 'is invalid' };
  });
}

function fromFastifyError(error: FastifyError): AppError {
  if (error.validation) {
    const fields = toFieldErrors(error.validationContext ?? 'request', error.validation as AjvIssue[]);
    const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
    return createError('VALIDATION_FAILED', `Invalid request: ${summary}`, { fields });
  }
  const byFastifyCode: Partial<Record<string, [ErrorCode, string]>> = {
    FST_ERR_CTP_EMPTY_JSON_BODY: ['VALIDATION_FAILED', 'The JSON body is empty'],
    FST_ERR_CTP_INVALID_JSON_BODY: ['VALIDATION_FAILED', 'The body is not valid JSON'],
    FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'The body is too large'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['VALIDATION_FAILED', 'Content-Length does not match the body'],
  };
  const known = error.code ? byFastifyCode[error.code] : undefined;
  if (known)
    return createError(known[0], known[1], { fields: [{ field: 'body', rule: 'json', message: known[1] }] });
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return createError('VALIDATION_FAILED', 'The body is not valid JSON');
  }
  if (error.statusCode === 429) return createError('RATE_LIMITED', error.message);
  // A client error from Fastify or a plugin (e.g. @fastify/static's 412 or 416) is still the client's:
  // a generic code for its status, never an app-specific one, and never a 500.
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return createError(genericByStatus[error.statusCode] ?? 'BAD_REQUEST', error.message);
  }
  return createError(
    'INTERNAL',
    'Something went wrong on our side. The log has the details under this request id.',
  );
}

const genericByStatus: Partial<Record<number, ErrorCode>> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
};

export interface ErrorsOptions {
  /** Answers GETs for client-side routes (the SPA's history fallback) instead of a JSON 404. */
  pageFallback?: (
    request: FastifyRequest,
    reply: FastifyReply,
  ) => FastifyReply | Promise<FastifyReply> | null;
}

/**
 * Ajv coerces the query strings `Infinity`, `-Infinity` and `1e400` to ±Infinity and then skips
 * `minimum`/`maximum` for a non-finite number, so they passed validation. No route takes one.
 */
function nonFiniteFields(request: FastifyRequest): FieldError[] {
  const fields: FieldError[] = [];
  for (const [context, values] of [
    ['querystring', request.query],
    ['params', request.params],
  ] as const) {
    if (!values || typeof values !== 'object') continue;
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === 'number' && !Number.isFinite(value))
        fields.push({ field: `${context}.${key}`, rule: 'finite', message: 'must be a finite number' });
    }
  }
  return fields;
}

const TEXT_MESSAGE = 'must not contain a NUL character or an unpaired surrogate';

/**
 * PostgreSQL refuses NUL in text (a 500 before this check) and neither database can keep a lone surrogate
 * as the client sent it: every string of the body, the query and the path parameters is refused with the
 * field's path, on both databases alike. The walk is iterative: a deeply nested body cannot overflow it.
 */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'object') return false;
  for (const _ in value) return false;
  return true;
}

function unstorableTextFields(request: FastifyRequest): FieldError[] {
  const fields: FieldError[] = [];
  const pending: Array<[string, unknown]> = [
    ['body', request.body],
    ['querystring', request.query],
    ['params', request.params],
  ];
  while (pending.length > 0 && fields.length < 20) {
    const [path, value] = pending.pop() as [string, unknown];
    if (typeof value === 'string') {
      if (!isStorableText(value)) fields.push({ field: path, rule: 'text', message: TEXT_MESSAGE });
    } else if (value && typeof value === 'object') {
      // Every schema refuses unknown keys before this runs, so only values need the check.
      for (const [key, child] of Object.entries(value)) pending.push([`${path}.${key}`, child]);
    }
  }
  return fields.reverse();
}

async function errorsPlugin(app: FastifyInstance, opts: ErrorsOptions) {
  // A callback hook, not an async one: it runs on every request, and a request with nothing to check
  // (no body, query or params: most reads) leaves at once.
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.body === undefined && isEmpty(request.query) && isEmpty(request.params)) return done();
    // Only the API stores what it is sent; /auth/sign-in keeps a returnTo by percent-encoding it.
    const stores = request.url.startsWith('/api/');
    const fields = [...nonFiniteFields(request), ...(stores ? unstorableTextFields(request) : [])];
    if (fields.length === 0) return done();
    const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
    done(createError('VALIDATION_FAILED', `Invalid request: ${summary}`, { fields }));
  });
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = error instanceof AppError ? error : fromFastifyError(error);
    if (appError.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      // The request's own line already says its status; the code and sentence are detail for debugging.
      request.log.debug({ code: appError.code, status: appError.statusCode }, appError.message);
    }
    if (appError.headers) void reply.headers(appError.headers);
    const message =
      appError.code === 'INTERNAL' ? `${appError.message} (request id ${request.id})` : appError.message;
    return reply.status(appError.statusCode).send({
      error: {
        code: appError.code,
        message,
        ...(appError.details === undefined ? {} : { details: appError.details }),
      },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    const page = opts.pageFallback?.(request, reply);
    if (page) return page;
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    });
  });
}

export default fp(errorsPlugin, { name: 'errors' });
