import { type Fault, FaultQueue, type FaultSpec, toFault } from './faults.ts';
import { phoneKey } from './phone.ts';
import {
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

  /** Throws on an invalid spec so in-process callers notice mistakes. */
  injectFault(spec: FaultSpec): Fault {
    const fault = toFault(spec);
    if (typeof fault === 'string') throw new Error(`invalid fault: ${fault}`);
    this.faults.add(fault);
    return { ...fault };
  }
}
