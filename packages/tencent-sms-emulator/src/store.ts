import { type AccountMode, copyMode, defaultAccountMode } from './accounts.ts';
import { type CallbackPush, pushCallback, toCallbackItem } from './callbacks.ts';
import { FrequencyLimiter, type FrequencyLimits } from './limits.ts';
import {
  type AccountSeed,
  FIRST_NEW_TEMPLATE_ID,
  SEED_CREATE_TIME,
  type SignSeed,
  type StatusCode,
  seedAccounts,
  seedSigns,
  seedTemplates,
  type TemplateSeed,
} from './seed.ts';
import { reviewTemplate } from './template-rules.ts';

// All emulator state lives in memory here; `reset()` rebuilds it from the seed so tests start clean.

export type Account = AccountSeed;
export type Sign = SignSeed & { createTime: number };

export interface Template extends TemplateSeed {
  /** Unix seconds. */
  createTime: number;
  /** When an under-review template is decided automatically (ms on the emulator clock); null = never. */
  reviewDueAt: number | null;
}

export interface StoredMessage {
  id: string;
  phoneNumber: string;
  e164: string;
  text: string;
  signName: string;
  templateId: string;
  params: string[];
  serialNo: string;
  sdkAppId: string;
  sentAt: string;
}

export interface DeliveryReport {
  UserReceiveTime: number;
  CountryCode: string;
  SubscriberNumber: string;
  PhoneNumber: string;
  SerialNo: string;
  ReportStatus: 'SUCCESS' | 'FAIL';
  Description: string;
  SessionContext: string;
  // 2019-07-11 names of the same fields, kept for callers written against the older API docs.
  NationCode: string;
  PurePhoneNumber: string;
}

export interface RequestLogEntry {
  action: string;
  params: unknown;
  secretId: string | null;
  region: string | null;
  receivedAt: string;
  /** "ok", the Tencent error code answered, or "fault:http500" / "fault:non_json". */
  outcome: string;
}

/** One number of a SendSms request of an own SdkAppId, as SendStatusStatistics counts it. */
export interface Submission {
  sdkAppId: string;
  at: number;
  fee: number;
  ok: boolean;
}

export interface EmulatorSettings {
  limits: FrequencyLimits | false;
  /** ISO codes of countries Tencent does not deliver to (UnsupportedOperation.UnsuportedRegion). */
  unsupportedCountries: string[];
  /** Where delivery reports are pushed (Tencent's status callback), or null: pull only. */
  statusCallbackUrl: string | null;
}

export interface StoreOptions {
  now: () => number;
  reviewDelayMs: number | null;
  limits: FrequencyLimits | false;
  /** Default ['KP']. */
  unsupportedCountries?: string[];
  /** Default null. */
  statusCallbackUrl?: string | null;
}

export class Store {
  accounts = new Map<string, Account>();
  /** SdkAppId → owning SecretId. */
  sdkAppOwners = new Map<string, string>();
  signs: Sign[] = [];
  templates = new Map<number, Template>();
  messages: StoredMessage[] = [];
  reports = new Map<string, DeliveryReport[]>();
  requests: RequestLogEntry[] = [];
  submissions: Submission[] = [];
  /** SecretId → mode; reset to the defaults. */
  modes = new Map<string, AccountMode>();
  unsupportedCountries: string[] = [];
  statusCallbackUrl: string | null = null;
  /** Every callback pushed (newest last), and the pushes still under way. */
  callbackPushes: CallbackPush[] = [];
  pendingPushes = new Set<Promise<void>>();
  limiter: FrequencyLimiter;
  private nextTemplateId = FIRST_NEW_TEMPLATE_ID;
  private nextMessageId = 1;

  constructor(readonly options: StoreOptions) {
    this.limiter = new FrequencyLimiter(options.limits);
    this.reset();
  }

  now(): number {
    return this.options.now();
  }

  modeOf(secretId: string): AccountMode {
    return this.modes.get(secretId) ?? copyMode(defaultAccountMode);
  }

  settings(): EmulatorSettings {
    return {
      limits: this.limiter.limits,
      unsupportedCountries: [...this.unsupportedCountries],
      statusCallbackUrl: this.statusCallbackUrl,
    };
  }

  reset(): void {
    this.accounts = new Map(seedAccounts.map((a) => [a.secretId, { ...a, sdkAppIds: [...a.sdkAppIds] }]));
    this.sdkAppOwners = new Map(
      seedAccounts.flatMap((a) => a.sdkAppIds.map((id) => [id, a.secretId] as const)),
    );
    this.signs = seedSigns.map((s) => ({ ...s, createTime: SEED_CREATE_TIME }));
    // Seeded under-review templates stay under review until approved through the control API.
    this.templates = new Map(
      seedTemplates.map((t) => [t.templateId, { ...t, createTime: SEED_CREATE_TIME, reviewDueAt: null }]),
    );
    this.messages = [];
    this.reports = new Map();
    this.requests = [];
    this.submissions = [];
    this.modes = new Map(seedAccounts.map((a) => [a.secretId, copyMode(defaultAccountMode)]));
    this.unsupportedCountries = [...(this.options.unsupportedCountries ?? ['KP'])];
    this.statusCallbackUrl = this.options.statusCallbackUrl ?? null;
    this.callbackPushes = [];
    this.limiter.limits = this.options.limits;
    this.limiter.clear();
    this.nextTemplateId = FIRST_NEW_TEMPLATE_ID;
    this.nextMessageId = 1;
  }

  /** Decides the reviews that are due; called before every read so time-based review needs no timer. */
  settleReviews(): void {
    const now = this.now();
    for (const t of this.templates.values()) {
      if (t.statusCode === 1 && t.reviewDueAt !== null && now >= t.reviewDueAt) {
        const outcome = reviewTemplate(t);
        this.decide(t, outcome.approved ? 0 : -1, outcome.approved ? '' : outcome.reviewReply);
      }
    }
  }

  decide(t: Template, statusCode: StatusCode, reviewReply: string): Template {
    t.statusCode = statusCode;
    t.reviewReply = reviewReply;
    t.reviewDueAt = null;
    return t;
  }

  private reviewDueAt(): number | null {
    const delay = this.options.reviewDelayMs;
    if (delay === null || !Number.isFinite(delay)) return null;
    return this.now() + Math.max(0, delay);
  }

  addTemplate(draft: Omit<TemplateSeed, 'templateId' | 'statusCode' | 'reviewReply'>): Template {
    const t: Template = {
      ...draft,
      templateId: this.nextTemplateId++,
      statusCode: 1,
      reviewReply: '',
      createTime: Math.floor(this.now() / 1000),
      reviewDueAt: this.reviewDueAt(),
    };
    this.templates.set(t.templateId, t);
    return t;
  }

  /** A modified template goes back under review. */
  modifyTemplate(
    t: Template,
    changes: Pick<TemplateSeed, 'templateName' | 'templateContent' | 'smsType' | 'remark'>,
  ) {
    Object.assign(t, changes, { statusCode: 1, reviewReply: '', reviewDueAt: this.reviewDueAt() });
    return t;
  }

  templateOf(owner: string, templateId: number): Template | undefined {
    const t = this.templates.get(templateId);
    return t && t.owner === owner ? t : undefined;
  }

  newMessageId(): string {
    return `msg_${this.nextMessageId++}`;
  }

  pushReport(sdkAppId: string, report: DeliveryReport): void {
    const queue = this.reports.get(sdkAppId) ?? [];
    queue.push(report);
    this.reports.set(sdkAppId, queue);
    const url = this.statusCallbackUrl;
    if (url) {
      // After the SendSms answer, as Tencent's report arrives after the send.
      const push: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 20))
        .then(() => pushCallback(url, [toCallbackItem(report)]))
        .then((done) => {
          this.callbackPushes.push(done);
        })
        .finally(() => this.pendingPushes.delete(push));
      this.pendingPushes.add(push);
    }
  }

  /** Resolves once every callback push started so far has been answered. */
  async settleCallbacks(): Promise<void> {
    while (this.pendingPushes.size > 0) await Promise.all([...this.pendingPushes]);
  }

  /** Hands out up to `limit` reports once each, oldest first. */
  pullReports(sdkAppId: string, limit: number): DeliveryReport[] {
    const queue = this.reports.get(sdkAppId) ?? [];
    return queue.splice(0, limit);
  }
}
