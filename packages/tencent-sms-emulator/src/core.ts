import { type AccountMode, copyMode, toModeChanges } from './accounts.ts';
import { type Fault, FaultQueue, type FaultSpec, toFault } from './faults.ts';
import { type FrequencyLimits, defaultLimits } from './limits.ts';
import { phoneKey } from './phone.ts';
import {
  type EmulatorSettings,
  type RequestLogEntry,
  Store,
  type StoreOptions,
  type StoredMessage,
  type Template,
} from './store.ts';

// The operations behind the control API, shared by the HTTP routes and the in-process test handle.

export interface TemplateView {
  templateId: number;
  owner: string;
  templateName: string;
  templateContent: string;
  smsType: number;
  international: 0 | 1;
  statusCode: number;
  reviewReply: string;
  remark: string;
  createTime: number;
}

const view = (t: Template): TemplateView => ({
  templateId: t.templateId,
  owner: t.owner,
  templateName: t.templateName,
  templateContent: t.templateContent,
  smsType: t.smsType,
  international: t.international,
  statusCode: t.statusCode,
  reviewReply: t.reviewReply,
  remark: t.remark,
  createTime: t.createTime,
});

export interface AccountView {
  secretId: string;
  sdkAppIds: string[];
  mode: AccountMode;
}

export class EmulatorCore {
  readonly store: Store;
  readonly faults = new FaultQueue();

  constructor(options: StoreOptions) {
    this.store = new Store(options);
  }

  reset(): void {
    this.store.reset();
    this.faults.clear();
  }

  /** Messages newest first, optionally only those to one number (any accepted spelling). */
  messages(phone?: string): StoredMessage[] {
    const key = phone ? phoneKey(phone) : undefined;
    return this.store.messages
      .filter((m) => key === undefined || m.e164 === key)
      .reverse()
      .map((m) => ({ ...m, params: [...m.params] }));
  }

  requests(action?: string): RequestLogEntry[] {
    return this.store.requests.filter((r) => !action || r.action === action).map((r) => ({ ...r }));
  }

  templates(): TemplateView[] {
    this.store.settleReviews();
    return [...this.store.templates.values()].sort((a, b) => a.templateId - b.templateId).map(view);
  }

  approveTemplate(id: number | string): TemplateView | undefined {
    const t = this.store.templates.get(Number(id));
    return t ? view(this.store.decide(t, 0, '')) : undefined;
  }

  rejectTemplate(id: number | string, reviewReply?: string): TemplateView | undefined {
    const t = this.store.templates.get(Number(id));
    return t
      ? view(this.store.decide(t, -1, reviewReply ?? 'Rejected by the emulator control API.'))
      : undefined;
  }

  accounts(): AccountView[] {
    return [...this.store.accounts.values()].map((a) => ({
      secretId: a.secretId,
      sdkAppIds: [...a.sdkAppIds],
      mode: copyMode(this.store.modeOf(a.secretId)),
    }));
  }

  /** Changes an account's mode until the next reset; a string is the reason a change was refused. */
  setAccountMode(secretId: string, changes: unknown): AccountView | undefined | string {
    const account = this.store.accounts.get(secretId);
    if (!account) return undefined;
    const valid = toModeChanges(changes);
    if (typeof valid === 'string') return valid;
    this.store.modes.set(secretId, { ...this.store.modeOf(secretId), ...valid });
    return this.accounts().find((a) => a.secretId === secretId);
  }

  settings(): EmulatorSettings {
    return this.store.settings();
  }

  /** `limits`: partial overrides of Tencent's defaults, or false; `unsupportedCountries`: ISO codes. */
  changeSettings(changes: unknown): EmulatorSettings | string {
    if (typeof changes !== 'object' || changes === null || Array.isArray(changes))
      return 'body must be a JSON object';
    const c = changes as Record<string, unknown>;
    const known = ['limits', 'unsupportedCountries', 'statusCallbackUrl'];
    const unknown = Object.keys(c).find((k) => !known.includes(k));
    if (unknown) return `unknown field ${unknown}; known: ${known.join(', ')}`;
    const url = c.statusCallbackUrl;
    if (url !== undefined && url !== null && (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)))
      return 'statusCallbackUrl must be an http(s) URL or null';
    let limits = this.store.limiter.limits;
    if (c.limits === false) limits = false;
    else if (c.limits !== undefined) {
      if (typeof c.limits !== 'object' || c.limits === null) return 'limits must be an object or false';
      const next: FrequencyLimits = { ...(limits || defaultLimits) };
      for (const [key, value] of Object.entries(c.limits)) {
        if (!(key in defaultLimits))
          return `limits.${key} is not a limit; known: ${Object.keys(defaultLimits).join(', ')}`;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
          return `limits.${key} must be a non-negative integer (0 disables it)`;
        next[key as keyof FrequencyLimits] = value;
      }
      limits = next;
    }
    if (c.unsupportedCountries !== undefined) {
      const list = c.unsupportedCountries;
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || !/^[A-Z]{2}$/.test(x)))
        return 'unsupportedCountries must be an array of ISO country codes such as "KP"';
      this.store.unsupportedCountries = [...(list as string[])];
    }
    this.store.limiter.limits = limits;
    if (url !== undefined) this.store.statusCallbackUrl = url as string | null;
    return this.settings();
  }

  /** Throws on an invalid spec so in-process callers notice mistakes. */
  injectFault(spec: FaultSpec): Fault {
    const fault = toFault(spec);
    if (typeof fault === 'string') throw new Error(`invalid fault: ${fault}`);
    this.faults.add(fault);
    return { ...fault };
  }
}
