import pino from 'pino';
import { buildApp, loggerOptions } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';

/**
 * Where log lines go. Production writes JSON to stdout through an asynchronous buffer (flushed on exit),
 * so a request never waits on the terminal or the log collector; `pnpm dev` pretty-prints one line per
 * request in a worker thread. `REQUEST_LOG=fastify` keeps Fastify's synchronous stdout for comparison.
 */
function logDestination(config: Config): { stream: pino.DestinationStream; flush: () => void } {
  if (config.logFormat === 'pretty') {
    const stream = pino.transport({
      target: 'pino-pretty',
      options: {
        // Straight to fd 1 from the worker, so the last lines before an exit ("shut down") are not lost.
        destination: 1,
        sync: true,
        singleLine: true,
        translateTime: 'HH:MM:ss.l',
        ignore: 'pid,hostname,method,route,status,ms,caller,reqId',
        messageFormat: '{if method}{method} {route} {status} {ms} ms{if caller} {caller}{end}{end}{msg}',
      },
    });
    // Fastify's own "Server listening at" says again what the start line below says.
    const quieter = {
      write: (line: string) => {
        if (!line.includes('"msg":"Server listening at ')) stream.write(line);
      },
    };
    return { stream: quieter, flush: () => {} };
  }
  if (config.requestLog === 'fastify')
    return { stream: pino.destination({ dest: 1, sync: true }), flush: () => {} };
  // Lines are gathered up to 4 KB per write, and never held longer than a quarter second.
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(), 250).unref();
  return {
    stream: destination,
    flush: () => {
      try {
        destination.flushSync();
      } catch {
        // stdout already gone: nothing left to write to
      }
    },
  };
}

async function main() {
  // Node's clock starts with the process: this is what loading the modules took.
  const imported = performance.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = logDestination(config);
  const app = await buildApp(config, { logger: { ...loggerOptions(config), stream: log.stream } });
  const built = performance.now();
  const exit = (code: number) => {
    log.flush();
    process.exit(code);
  };

  /**
   * A rolling restart: readiness turns 503 at once; after SHUTDOWN_GRACE_MS the server stops accepting
   * connections, serves the requests in flight and those already on an open connection (each answered
   * `Connection: close`), closes the idle connections, then the database. Past SHUTDOWN_TIMEOUT_MS more
   * it gives up and exits with 1.
   */
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    const { shutdownGraceMs, shutdownTimeoutMs } = config.http;
    app.log.info({ signal, shutdownGraceMs, shutdownTimeoutMs }, 'shutting down: draining');
    app.lifecycle.draining = true;
    app.server.prependListener('request', (_req, res) => {
      res.shouldKeepAlive = false;
    });
    const deadline = setTimeout(() => {
      app.log.error({ shutdownTimeoutMs }, 'requests still in flight at the shutdown bound: exiting');
      exit(1);
    }, shutdownGraceMs + shutdownTimeoutMs);
    deadline.unref();
    if (shutdownGraceMs > 0) await new Promise((resolve) => setTimeout(resolve, shutdownGraceMs));
    // A connection whose last reply went out keep-alive becomes idle: it is closed as soon as it is.
    const idle = setInterval(() => app.server.closeIdleConnections(), 50);
    try {
      await app.close();
    } catch (error) {
      app.log.error({ err: error }, 'closing failed');
      exit(1);
    }
    clearInterval(idle);
    app.log.info({ signal }, 'shut down');
    exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  const address = await app.listen({ port: config.port, host: config.host });
  const startup = {
    importsMs: Math.round(imported),
    buildMs: Math.round(built - imported),
    listenMs: Math.round(performance.now() - built),
  };
  app.log.info({ startup }, `smsdesk API listening on ${address} (docs at ${address}/docs)`);
}

void main();
