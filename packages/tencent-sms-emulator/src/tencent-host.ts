import { request as httpRequest } from 'node:http';
import { type Agent, createServer, globalAgent } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';
import { generate } from 'selfsigned';

// Lets unmodified clients that hard-code `https://sms.tencentcloudapi.com` (Logto's Tencent connector, through
// `got`, which uses Node's https global agent) talk to the emulator: the global agent's connections to that
// host go to a local TLS listener whose certificate comes from a CA made here, trusted by those connections
// only (not added to Node's trust store), and the listener forwards each request, Host header untouched,
// so the emulator verifies the TC3 signature computed for the real host.

export const TENCENT_SMS_HOST = 'sms.tencentcloudapi.com';

export interface TencentHostRoute {
  close(): Promise<void>;
}

type CreateConnection = (
  options: ConnectionOptions & { host?: string; port?: number },
  cb?: unknown,
) => Socket;

async function certificates(): Promise<{ ca: string; key: string; cert: string }> {
  const notAfterDate = new Date(Date.now() + 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'smsdesk emulator test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: TENCENT_SMS_HOST }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: TENCENT_SMS_HOST }] },
    ],
  });
  return { ca: ca.cert, key: leaf.private, cert: leaf.cert };
}

function forwarder(emulatorUrl: URL, tls: { key: string; cert: string }) {
  return createServer(tls, (req, res) => {
    const upstream = httpRequest(
      {
        host: emulatorUrl.hostname,
        port: emulatorUrl.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`emulator unreachable: ${e.message}`);
    });
    req.pipe(upstream);
  });
}

// One patch of the global agent, however many routes are open: the newest open route wins, and closing
// routes in any order leaves the agent as it was once the last one closes.
const agent = globalAgent as Agent & { createConnection: CreateConnection };
const openRoutes: { port: number; ca: string }[] = [];
let original: CreateConnection | undefined;

const routed: CreateConnection = function (this: Agent, options, cb) {
  const route = openRoutes.at(-1);
  const sameHost = (options.host ?? options.servername) === TENCENT_SMS_HOST;
  if (route && sameHost && Number(options.port ?? 443) === 443) {
    return tlsConnect({
      ...options,
      host: '127.0.0.1',
      port: route.port,
      servername: TENCENT_SMS_HOST,
      ca: route.ca,
    });
  }
  return (original as CreateConnection).call(this, options, cb);
};

/**
 * Routes this process's https-global-agent connections to `sms.tencentcloudapi.com:443` to the emulator at
 * `emulatorUrl` (http://host:port) until `close()`. Other hosts are untouched.
 */
export async function routeTencentHost({ emulatorUrl }: { emulatorUrl: string }): Promise<TencentHostRoute> {
  const { ca, key, cert } = await certificates();
  const server = forwarder(new URL(emulatorUrl), { key, cert });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const route = { port: (server.address() as AddressInfo).port, ca };
  openRoutes.push(route);
  if (!original) {
    original = agent.createConnection;
    agent.createConnection = routed;
  }

  let closed = false;
  return {
    close: async () => {
      if (closed) return;
      closed = true;
      openRoutes.splice(openRoutes.indexOf(route), 1);
      if (openRoutes.length === 0 && original) {
        agent.createConnection = original;
        original = undefined;
      }
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
