import { hostname } from 'node:os';
import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino from 'pino';

/**
 * One line per request, written when the reply has gone out: Fastify's default is two lines (incoming and
 * completed), each serializing the request or reply, which measured as most of the per-request cost at
 * `info`. The line carries what an operator searches by: method, route pattern, status, duration, the
 * request id (`reqId`, as the request's own logger binds it) and the caller (token `sub`, never the token).
 *
 * Those fields cannot hold a credential, so the line goes out through a logger on the same destination
 * without pino's redaction, which cost three times the rest of the line (`pnpm bench`, section 1). Every
 * other line, this one's error variant included, goes through the app's redacting logger.
 */
const INFO = pino.levels.values.info ?? 30;

export class OneLinePerRequest extends LogController {
  private plain: pino.Logger | undefined;

  /** Writes the lines to the destination of the app's logger (a pino logger with a stream), once built. */
  writeTo(log: FastifyBaseLogger): void {
    const stream = (log as unknown as Record<symbol, pino.DestinationStream | undefined>)[
      pino.symbols.streamSym
    ];
    if (!stream) return;
    this.plain = pino({ level: log.level, base: { pid: process.pid, hostname: hostname() } }, stream);
  }

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
    else if (!this.plain) reply.log.info(line);
    // A route's own log level (Fastify's per-route `logLevel`) still decides.
    else if ((pino.levels.values[request.log.level] ?? 0) <= INFO)
      this.plain.info({ reqId: request.id, ...line });
  }
}
