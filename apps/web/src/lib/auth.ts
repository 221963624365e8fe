import type { LogtoConfig } from '@logto/react';
import { apiScopes } from '@smsdesk/shared/scopes';
import { env } from '../config/env.ts';
import { currentLanguage } from './language.ts';

export const logtoConfig: LogtoConfig = {
  endpoint: env.logtoEndpoint,
  appId: env.logtoAppId,
  resources: [env.logtoApiResource],
  scopes: [...apiScopes],
};

export const callbackUrl = () => `${window.location.origin}/callback`;
/**
 * Logto shows its sign-in page in `ui_locales` and passes it on to the SMS connector, as any real app
 * would — which is what trips the Tencent connector's `ui_locales` trap that the check explains.
 */
export const signInOptions = (): { redirectUri: string; extraParams: Record<string, string> } => ({
  redirectUri: callbackUrl(),
  extraParams: { ui_locales: currentLanguage() },
});
export const signedOutUrl = () => `${window.location.origin}/`;

const returnToKey = 'smsdesk:return-to';
const reauthKey = 'smsdesk:reauth-at';

export function rememberReturnTo(path: string) {
  sessionStorage.setItem(returnToKey, path);
}

export function takeReturnTo(): string {
  const path = sessionStorage.getItem(returnToKey);
  sessionStorage.removeItem(returnToKey);
  return path?.startsWith('/') && !path.startsWith('//') ? path : '/connectors';
}

/**
 * A 401 sends the user to sign in again, but only once a minute: if the fresh token is refused too,
 * the app shows the error instead of bouncing between the API and Logto forever.
 */
export function mayReauthenticate(now = Date.now()): boolean {
  const last = Number(sessionStorage.getItem(reauthKey) ?? 0);
  if (now - last < 60_000) return false;
  sessionStorage.setItem(reauthKey, String(now));
  return true;
}
