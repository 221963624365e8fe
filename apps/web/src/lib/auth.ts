import type { LogtoConfig } from '@logto/react';
import { apiScopes } from '@smsdesk/shared/scopes';
import { env } from '../config/env.ts';

export const logtoConfig: LogtoConfig = {
  endpoint: env.logtoEndpoint,
  appId: env.logtoAppId,
  resources: [env.logtoApiResource],
  scopes: [...apiScopes],
};

export const callbackUrl = () => `${window.location.origin}/callback`;
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
