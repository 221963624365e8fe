import { devAccount } from '@smsdesk/tencent-sms-emulator';
import { expect } from 'vitest';
import { testSessionSecret } from './config.ts';

/** The secrets a suite configures: none may reach a response body or a log line. */
export const configuredSecrets = [devAccount.secretKey, testSessionSecret];

/** Secret hygiene: scans every text (bodies, log lines) for every configured secret and the extra ones. */
export function expectNoSecrets(texts: readonly string[], extra: readonly string[] = []): void {
  const secrets = [...configuredSecrets, ...extra];
  const hits = texts.filter((text) => secrets.some((secret) => contains(text, secret)));
  expect(hits).toEqual([]);
}

/** A code is six digits: inside a longer run of digits (a timing, a timestamp) it is not the code. */
function contains(text: string, secret: string): boolean {
  if (!/^\d+$/.test(secret)) return text.includes(secret);
  return new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(text);
}
