import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccountMode } from './accounts.ts';
import type { CallbackPush } from './callbacks.ts';
import { type AccountView, EmulatorCore, type TemplateView } from './core.ts';
import type { Fault, FaultSpec } from './faults.ts';
import { type FrequencyLimits, defaultLimits } from './limits.ts';
import { type Logger, createListener } from './server.ts';
import type { EmulatorSettings, RequestLogEntry, Store, StoredMessage } from './store.ts';

export {
  devAccount,
  devLogtoConnectorConfig,
  otherAccount,
  pendingSignName,
  seededLogtoTemplates,
  seededSignIds,
  seededTemplateIds,
  smsRegions,
  SMS_API_VERSION,
} from './seed.ts';
export { tc3Authorization, tc3Signature, utcDate } from './tc3.ts';
export type { Tc3Input, Tc3Result } from './tc3.ts';
export { defaultLimits } from './limits.ts';
export type { FrequencyLimits } from './limits.ts';
export type { Fault, FaultKind, FaultSpec } from './faults.ts';
export type { DeliveryReport, RequestLogEntry, StoredMessage } from './store.ts';
export type { AccountView, TemplateView } from './core.ts';
export type { AccountMode } from './accounts.ts';
export type { CallbackPush, StatusCallbackItem } from './callbacks.ts';
export type { EmulatorSettings } from './store.ts';
export type { Logger } from './server.ts';

export interface TencentSmsEmulatorOptions {
  /** Default 0: a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Time until a new or modified template is reviewed; 0 = on the next read; null/Infinity = never. Default 5000. */
  reviewDelayMs?: number | null;
  /** Per-number frequency limits (partial overrides of the defaults), or false to disable them. */
  limits?: Partial<FrequencyLimits> | false;
  /** Clock (ms) for review delays, frequency limits and timestamps; signature expiry uses the real clock. */
  now?: () => number;
  logger?: Logger;
  /** ISO codes Tencent does not deliver to (UnsupportedOperation.UnsuportedRegion); default ['KP']. */
  unsupportedCountries?: string[];
  /** Where delivery reports are pushed as Tencent's status callback; default none (pull only). */
  statusCallbackUrl?: string;
}

export interface TencentSmsEmulator {
  /** http://host:port */
  url: string;
  port: number;
  /** host:port, the SDK's `httpProfile.endpoint` (use with protocol 'http://'). */
  endpoint: string;
  close(): Promise<void>;
  reset(): void;
  messages(phone?: string): StoredMessage[];
  requests(action?: string): RequestLogEntry[];
  templates(): TemplateView[];
  approveTemplate(id: number | string): TemplateView | undefined;
  rejectTemplate(id: number | string, reviewReply?: string): TemplateView | undefined;
  injectFault(fault: FaultSpec): Fault;
  clearFaults(): void;
  accounts(): AccountView[];
  /** Partial AccountMode; throws on an invalid change. Undone by reset(). */
  setAccountMode(secretId: string, changes: Partial<AccountMode>): AccountView;
  settings(): EmulatorSettings;
  /** `{ limits?: Partial<FrequencyLimits> | false, unsupportedCountries?: string[] }`; undone by reset(). */
  changeSettings(changes: {
    limits?: Partial<FrequencyLimits> | false;
    unsupportedCountries?: string[];
    statusCallbackUrl?: string | null;
  }): EmulatorSettings;
  /** The status callbacks pushed so far, each with the receiver's answer. */
  callbacks(): CallbackPush[];
  /** Waits until every callback push started so far has been answered. */
  settleCallbacks(): Promise<void>;
  /** The raw in-memory state, for assertions the accessors above do not cover. */
  store: Store;
}

export async function startTencentSmsEmulator(
  options: TencentSmsEmulatorOptions = {},
): Promise<TencentSmsEmulator> {
  const core = new EmulatorCore({
    now: options.now ?? Date.now,
    reviewDelayMs: options.reviewDelayMs === undefined ? 5000 : options.reviewDelayMs,
    limits: options.limits === false ? false : { ...defaultLimits, ...options.limits },
    ...(options.unsupportedCountries ? { unsupportedCountries: options.unsupportedCountries } : {}),
    ...(options.statusCallbackUrl ? { statusCallbackUrl: options.statusCallbackUrl } : {}),
  });
  const { listener, cancelDelays } = createListener({ core, realNow: Date.now, logger: options.logger });
  const server = createServer((req, res) => void listener(req, res));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const endpoint = `${hostForUrl}:${port}`;

  return {
    url: `http://${endpoint}`,
    port,
    endpoint,
    close: () =>
      new Promise<void>((resolve, reject) => {
        cancelDelays();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    reset: () => core.reset(),
    messages: (phone) => core.messages(phone),
    requests: (action) => core.requests(action),
    templates: () => core.templates(),
    approveTemplate: (id) => core.approveTemplate(id),
    rejectTemplate: (id, reply) => core.rejectTemplate(id, reply),
    injectFault: (fault) => core.injectFault(fault),
    clearFaults: () => core.faults.clear(),
    accounts: () => core.accounts(),
    setAccountMode: (secretId, changes) => {
      const view = core.setAccountMode(secretId, changes);
      if (view === undefined) throw new Error(`no account ${secretId}`);
      if (typeof view === 'string') throw new Error(view);
      return view;
    },
    settings: () => core.settings(),
    changeSettings: (changes) => {
      const settings = core.changeSettings(changes);
      if (typeof settings === 'string') throw new Error(settings);
      return settings;
    },
    callbacks: () => [...core.store.callbackPushes],
    settleCallbacks: () => core.store.settleCallbacks(),
    store: core.store,
  };
}
