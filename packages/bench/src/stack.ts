import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DevLogto,
  devClients,
  generateSigningKey,
  getClientCredentialsToken,
  startDevLogto,
} from '@smsdesk/dev-logto';
import { type TencentSmsEmulator, startTencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { devConnectorBody } from '@smsdesk/test-support/connectors';
import { type NodeProcess, startNodeProcess } from '@smsdesk/test-support/node-process';
import { repoRoot, startProcess } from './processes.ts';

export type ApiProcess = NodeProcess & { logFile: string };

/**
 * The API runs as production runs it: the `start` script of apps/api/package.json (`node [flags]
 * dist/server.js`, from apps/api), without pnpm in front, so any Node flag set there is measured too.
 */
function apiStartArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'apps/api/package.json'), 'utf8'));
  const [command, ...args] = String(pkg.scripts?.start ?? '')
    .trim()
    .split(/\s+/);
  if (command !== 'node') throw new Error(`apps/api's start script must run node, got ${pkg.scripts?.start}`);
  return args;
}

/**
 * What every section shares: dev-logto (on :3001, the port the built SPA was built for), the emulator,
 * a token, and the API processes a section starts (stopped at the end). Each API logs to a file, as
 * in production, at the level of its environment (production default: info).
 */
export class Stack {
  private constructor(
    readonly logto: DevLogto,
    readonly emulator: TencentSmsEmulator,
    readonly dir: string,
    readonly auth: { authorization: string; 'content-type': string },
  ) {}

  private readonly procs: NodeProcess[] = [];
  private count = 0;

  static async start(): Promise<Stack> {
    const logto = await startDevLogto({ port: 3001, keys: [await generateSigningKey()] });
    const emulator = await startTencentSmsEmulator({ port: 0, limits: false, reviewDelayMs: 0 });
    const token = await getClientCredentialsToken({
      endpoint: logto.endpoint,
      clientId: devClients.m2m.clientId,
      clientSecret: devClients.m2m.clientSecret,
      resource: logto.resource,
      scope: 'read:connectors write:connectors write:templates send:sms',
    });
    const dir = mkdtempSync(join(tmpdir(), 'smsdesk-bench-'));
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    return new Stack(logto, emulator, dir, auth);
  }

  get headers() {
    return { authorization: this.auth.authorization };
  }

  /** The environment of a production start, with only the abuse limits raised out of the way. */
  apiEnv(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      LOGTO_ENDPOINT: this.logto.endpoint,
      LOGTO_APP_SECRET: devClients.web.clientSecret,
      BASE_URL: 'http://localhost:3000',
      DATA_DIR: mkdtempSync(join(this.dir, 'data-')),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      SMSDESK_SECRET_KEY: randomBytes(32).toString('base64'),
      TENCENT_SMS_ENDPOINT: this.emulator.url,
      TEST_SEND_LIMIT_PER_USER_PER_HOUR: '100000',
      TEST_SEND_LIMIT_PER_PHONE_PER_HOUR: '100000',
      TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY: '100000',
      WEB_DIST: join(repoRoot, 'apps/web/dist'),
      LOG_LEVEL: 'info',
      ...overrides,
    };
  }

  async startApi(overrides: Record<string, string> = {}, port?: number): Promise<ApiProcess> {
    this.count += 1;
    const logFile = join(this.dir, `api-${this.count}.log`);
    const api = await startNodeProcess({
      args: apiStartArgs(),
      env: this.apiEnv(overrides),
      readyPath: '/health/ready',
      cwd: join(repoRoot, 'apps/api'),
      port,
      logFile,
    });
    this.procs.push(api);
    return Object.assign(api, { logFile });
  }

  async startBare(
    bodyFile: string,
    plugin?: 'cors' | 'helmet',
    extra: Record<string, string> = {},
  ): Promise<NodeProcess> {
    const env: Record<string, string> = {
      BARE_BODY_FILE: bodyFile,
      LOGTO_ORIGIN: this.logto.endpoint,
      ...extra,
    };
    if (plugin) env.BARE_PLUGIN = plugin;
    const bare = await startProcess(['packages/bench/src/bare-server.mjs'], env, '/health/ready');
    this.procs.push(bare);
    return bare;
  }

  /** SIGTERM, as an orchestrator stops it; answers the exit code. */
  async stop(proc: NodeProcess): Promise<number | null> {
    this.procs.splice(this.procs.indexOf(proc), 1);
    return proc.kill();
  }

  /** Creates `count` connectors on `api`, returning their ids. */
  async seedConnectors(api: NodeProcess, count: number, prefix = 'Bench'): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const res = await fetch(`${api.url}/api/connectors`, {
        method: 'POST',
        headers: this.auth,
        body: JSON.stringify(devConnectorBody(`${prefix} ${i}`)),
      });
      if (res.status !== 201)
        throw new Error(`seeding a connector answered ${res.status}: ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
    return ids;
  }

  /** The JSON `GET /api/connectors` answers, in a file the bare baseline serves verbatim. */
  async listBodyFile(api: NodeProcess): Promise<{ file: string; bytes: number }> {
    const body = await (await fetch(`${api.url}/api/connectors`, { headers: this.headers })).text();
    const file = join(this.dir, 'connectors.json');
    writeFileSync(file, body);
    return { file, bytes: body.length };
  }

  async stopAll() {
    for (const p of this.procs.splice(0)) await p.kill();
  }

  async close() {
    await this.stopAll();
    await this.emulator.close();
    await this.logto.close();
  }
}
