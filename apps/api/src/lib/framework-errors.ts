import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, errorStatuses } from '../errors.ts';

/*
 * Errors raised before a route is found (the router) or before Fastify sees a request at all (Node's HTTP
 * parser) skip the hooks: these answer them with the shared error body and the same security headers as
 * every other reply. The request's own text is never echoed back.
 */

const routerErrors: Partial<Record<string, [ErrorCode, string]>> = {
  FST_ERR_BAD_URL: ['BAD_REQUEST', 'The URL is not valid: a percent-encoded sequence in it is not text'],
  FST_ERR_MAX_PARAM_LENGTH: [
    'URI_TOO_LONG',
    'A part of the path is longer than the API accepts (an id has at most 100 characters)',
  ],
};

export function frameworkErrorsWith(headers: Record<string, string>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const [code, message] = routerErrors[error.code] ?? ['BAD_REQUEST', 'The request could not be routed'];
    request.log.debug({ code: error.code }, 'refused by the router');
    return reply.headers(headers).code(errorStatuses[code]).send({ error: { code, message } });
  };
}

const parserErrors: Partial<Record<string, [ErrorCode, string]>> = {
  HPE_HEADER_OVERFLOW: [
    'HEADERS_TOO_LARGE',
    'The URL and headers are larger than the API accepts (16 KB): send a shorter URL or token',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: ['REQUEST_TIMEOUT', 'The request took too long to arrive'],
};

/** Node's `clientError`: writes the answer on the raw socket, then closes it. */
export function clientErrorHandlerWith(headers: Record<string, string>) {
  return (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [code, message] = parserErrors[error.code ?? ''] ?? [
      'BAD_REQUEST',
      'The request is not valid HTTP',
    ];
    const status = errorStatuses[code];
    const body = JSON.stringify({ error: { code, message } });
    const head = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      'connection: close',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  };
}
