import type { Config } from '../config.ts';

/**
 * Node's server timeouts as Fastify options. Both default to "never" in Fastify 5, so a client sending a
 * body one byte every few seconds held a socket for as long as it liked, unauthenticated.
 */
export function httpLimits(config: Pick<Config, 'http'>) {
  const { requestTimeoutMs, idleTimeoutMs, keepAliveTimeoutMs } = config.http;
  return {
    requestTimeout: requestTimeoutMs,
    connectionTimeout: idleTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    // While draining (SIGTERM), a request that reaches an open connection is served like any other, not
    // answered 503: the client did nothing wrong and the other instance may not have been asked.
    return503OnClosing: false,
    http: {
      // Node refuses a headers timeout longer than the request timeout; headers come first anyway.
      headersTimeout: requestTimeoutMs,
      // How often Node looks for requests past their timeout (default 30 s, longer than short timeouts).
      connectionsCheckingInterval: Math.min(5_000, Math.max(50, Math.floor(requestTimeoutMs / 4))),
    },
  };
}
