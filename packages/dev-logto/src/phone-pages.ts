import { escapeHtml, page } from './pages.ts';

/** The phone part of the sign-in page: Logto's "Sign in with phone number" in miniature. */
export function phoneForm(uid: string, phone = ''): string {
  return `<h2>Or with a phone number</h2>
<form method="post" action="/interaction/${encodeURIComponent(uid)}/phone/send" autocomplete="off">
<label for="phone">Phone number</label>
<input id="phone" name="phone" type="tel" value="${escapeHtml(phone)}" placeholder="+86 139 0013 9000" required>
<button type="submit">Send code</button>
</form>
<p class="hint">Phones: admin +86 139 0013 9000, viewer +86 137 0013 7000. The code is sent by the Tencent
connector pushed to this tenant (its SignIn template); read it in the emulator inbox.</p>`;
}

export interface CodePageInput {
  uid: string;
  phone: string;
  error?: string;
  /** The ui_locales this sign-in request carried, sent along with the code as Logto does. */
  uiLocales?: string;
}

export function phoneCodePage({ uid, phone, error, uiLocales }: CodePageInput): string {
  const alert = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  const locales = uiLocales
    ? `<p class="hint">This sign-in carried <code>ui_locales=${escapeHtml(uiLocales)}</code>; Logto's Tencent connector sent it with the code.</p>`
    : '';
  return page(
    'Enter the code · smsdesk dev Logto',
    `<h1>Enter the verification code</h1>
<p>We sent a code to <strong>+${escapeHtml(phone)}</strong>.</p>
${alert}${locales}
<form method="post" action="/interaction/${encodeURIComponent(uid)}/phone/verify" autocomplete="off">
<input type="hidden" name="phone" value="${escapeHtml(phone)}">
<label for="code">Verification code</label>
<input id="code" name="code" type="text" inputmode="numeric" pattern="[0-9]{6}" required autofocus>
<button type="submit">Sign in</button>
</form>`,
  );
}
