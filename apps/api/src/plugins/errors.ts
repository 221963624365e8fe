import type { FieldError } from '@smsdesk/shared/schemas/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type ErrorCode, createError } from '../errors.ts';

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

async function errorsPlugin(app: FastifyInstance, opts: ErrorsOptions) {
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
