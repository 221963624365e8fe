import type { EmulatorCore } from './core.ts';
import { toFault } from './faults.ts';
import { renderInbox } from './inbox.ts';

// The emulator's own control API under /__emulator/: plain JSON, unsigned, for tests and local tools.

export const CONTROL_PREFIX = '/__emulator';

export interface ControlReply {
  status: number;
  contentType: string;
  body: string;
}

const json = (status: number, value: unknown): ControlReply => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

const notFound = (what: string) => json(404, { error: `${what} not found` });

function parseBody(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (raw.length === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

export function handleControl(core: EmulatorCore, method: string, url: URL, raw: Buffer): ControlReply {
  const path = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '');
  const query = (name: string) => url.searchParams.get(name) ?? undefined;
  const route = `${method} ${path}`;

  if (route === 'GET /messages') return json(200, { messages: core.messages(query('phone')) });
  if (route === 'GET /requests') return json(200, { requests: core.requests(query('action')) });
  if (route === 'GET /templates') return json(200, { templates: core.templates() });
  if (route === 'GET /health') return json(200, { ok: true });
  if (route === 'GET /accounts') return json(200, { accounts: core.accounts() });
  if (route === 'GET /settings') return json(200, core.settings());
  if (route === 'GET /callbacks') return json(200, { callbacks: core.store.callbackPushes });
  if (route === 'POST /reset') {
    core.reset();
    return json(200, { ok: true });
  }
  if (route === 'GET /inbox') {
    const phone = query('phone');
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: renderInbox(phone, core.messages(phone)),
    };
  }
  if (route === 'GET /faults') return json(200, { faults: core.faults.list() });
  if (route === 'DELETE /faults') {
    core.faults.clear();
    return json(200, { ok: true });
  }

  const body = parseBody(raw);
  if (!body.ok) return json(400, { error: 'body is not valid JSON' });
  if (route === 'POST /faults') {
    const fault = toFault(body.value);
    if (typeof fault === 'string') return json(400, { error: fault });
    core.faults.add(fault);
    return json(200, { fault, faults: core.faults.list() });
  }
  if (route === 'PATCH /settings') {
    const settings = core.changeSettings(body.value);
    return typeof settings === 'string' ? json(400, { error: settings }) : json(200, settings);
  }
  const account = /^PATCH \/accounts\/([^/]+)$/.exec(route);
  if (account?.[1]) {
    const id = decodeURIComponent(account[1]);
    const view = core.setAccountMode(id, body.value);
    if (typeof view === 'string') return json(400, { error: view });
    return view ? json(200, view) : notFound(`account ${id}`);
  }
  const review = /^POST \/templates\/(\d+)\/(approve|reject)$/.exec(route);
  if (review?.[1] && review[2]) {
    const reply = (body.value as { reviewReply?: unknown } | null)?.reviewReply;
    if (reply !== undefined && typeof reply !== 'string')
      return json(400, { error: 'reviewReply must be a string' });
    const template =
      review[2] === 'approve' ? core.approveTemplate(review[1]) : core.rejectTemplate(review[1], reply);
    return template ? json(200, template) : notFound(`template ${review[1]}`);
  }
  return notFound(`route ${route}`);
}
