/** Plain HTML pages: readable by a person, predictable for Playwright. No external assets. */

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const style = `body{font-family:system-ui,sans-serif;background:#f5f5f7;margin:0;padding:48px 16px;color:#1d1d1f}
main{max-width:360px;margin:0 auto;background:#fff;border-radius:8px;padding:24px 28px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.4em;margin-top:0}label{display:block;margin:12px 0 4px;font-weight:600}
input{width:100%;box-sizing:border-box;padding:8px;font-size:1em;border:1px solid #999;border-radius:4px}
button{margin-top:20px;width:100%;padding:10px;font-size:1em;background:#5d34f2;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{background:#fdecea;color:#8a1c1c;padding:8px 10px;border-radius:4px}.hint{color:#666;font-size:.85em}`;

export function page(title: string, body: string, extraHead = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${style}</style>
${extraHead}
</head>
<body><main>${body}</main></body>
</html>`;
}

export interface LoginPageInput {
  uid: string;
  clientId: string;
  username?: string;
  error?: string;
  /** The phone section (phone-pages.ts), when the tenant can send codes. */
  phoneSection?: string;
}

export function loginPage({
  uid,
  clientId,
  username = '',
  error,
  phoneSection = '',
}: LoginPageInput): string {
  const alert = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  return page(
    'Sign in · smsdesk dev Logto',
    `<h1>Sign in to smsdesk</h1>
<p class="hint">Development sign-in for <code>${escapeHtml(clientId)}</code>.</p>
${alert}
<form method="post" action="/interaction/${encodeURIComponent(uid)}/login" autocomplete="off">
<label for="username">Username</label>
<input id="username" name="username" type="text" value="${escapeHtml(username)}" required autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" required>
<button type="submit">Sign in</button>
</form>
<p class="hint">Users: admin / smsdesk-admin, viewer / smsdesk-viewer</p>
${phoneSection}`,
  );
}

/**
 * Logto signs out without asking, so the confirm form oidc-provider hands over submits itself;
 * `logout=yes` ends the whole session, not only the requesting client's.
 */
export function logoutPage(form: string): string {
  const autoForm = form.replace(
    '</form>',
    '<input type="hidden" name="logout" value="yes"/><noscript><button type="submit">Sign out</button></noscript></form>',
  );
  return page(
    'Signing out · smsdesk dev Logto',
    `<h1>Signing out…</h1>${autoForm}<script>document.getElementById('op.logoutForm').submit();</script>`,
  );
}

export function signedOutPage(): string {
  return page('Signed out · smsdesk dev Logto', '<h1>Signed out</h1><p>You have been signed out.</p>');
}

export function errorPage(title: string, details: Record<string, unknown>): string {
  const rows = Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(String(value))}</p>`)
    .join('');
  return page(`${title} · smsdesk dev Logto`, `<h1>${escapeHtml(title)}</h1>${rows}`);
}
