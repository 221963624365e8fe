import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * One line per request, written when the reply has gone out: Fastify's default is two lines (incoming and
 * completed), each serializing the request or reply, which measured as most of the per-request cost at
 * `info`. The line carries what an operator searches by: method, route pattern, status, duration, the
 * request id (the child logger's `reqId`) and the caller (token `sub`, never the token).
 */
export class OneLinePerRequest extends LogController {
  /** Only when debugging: the whole request (headers redacted) as it came in. */
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = {
      method: request.method,
      // The pattern, not the URL: ids and query strings stay out of the line and it groups by route.
      route: request.routeOptions.url ?? '(no route)',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      caller: request.caller?.sub,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line);
  }
}
