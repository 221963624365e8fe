import type { StoredMessage } from './store.ts';

// A developer's "phone": the codes sent to one number, readable in a browser during manual testing.

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderInbox(phone: string | undefined, messages: StoredMessage[]): string {
  const title = phone ? `Inbox of ${escapeHtml(phone)}` : 'All messages';
  const items = messages
    .map(
      (m) =>
        `<li><time datetime="${escapeHtml(m.sentAt)}">${escapeHtml(m.sentAt)}</time> <b>${escapeHtml(m.e164)}</b><p>${escapeHtml(m.text)}</p></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto}li{margin:0 0 1rem;list-style:none;border:1px solid #ccc;border-radius:.5rem;padding:.5rem 1rem}time{color:#666;font-size:.85em}</style>
</head><body><h1>${title}</h1>
${messages.length === 0 ? '<p>No messages.</p>' : `<ul>\n${items}\n</ul>`}
</body></html>
`;
}
