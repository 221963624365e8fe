import pino from 'pino';
import { buildApp, loggerOptions } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';

/**
 * Where log lines go. Production writes JSON to stdout through an asynchronous buffer (flushed on exit),
 * so a request never waits on the terminal or the log collector; `pnpm dev` pretty-prints one line per
 * request in a worker thread. `REQUEST_LOG=fastify` keeps Fastify's synchronous stdout for comparison.
 */
function logDestination(config: Config) {
  if (config.logFormat === 'pretty') {
    return pino.transport({
      target: 'pino-pretty',
      options: {
        singleLine: true,
        translateTime: 'HH:MM:ss.l',
        ignore: 'pid,hostname,method,route,status,ms,caller,reqId',
        messageFormat:
          '{if method}{method} {route} {status} {ms} ms{if caller} {caller}{end} {reqId} {end}{msg}',
      },
    });
  }
  if (config.requestLog === 'fastify') return pino.destination({ dest: 1, sync: true });
  // Lines are gathered up to 4 KB per write, and never held longer than a quarter second.
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(), 250).unref();
  return destination;
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
  const app = await buildApp(config, {
    logger: { ...loggerOptions(config), stream: logDestination(config) },
  });
  const built = performance.now();
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
  const address = await app.listen({ port: config.port, host: config.host });
  const startup = {
    importsMs: Math.round(imported),
    buildMs: Math.round(built - imported),
    listenMs: Math.round(performance.now() - built),
  };
  app.log.info({ startup }, `smsdesk API listening on ${address} (docs at ${address}/docs)`);
}

void main();
