import { devAccount } from '@smsdesk/tencent-sms-emulator';
import { expect } from 'vitest';
import { testSessionSecret } from './config.ts';

/** The secrets a suite configures: none may reach a response body or a log line. */
export const configuredSecrets = [devAccount.secretKey, testSessionSecret];

/** Secret hygiene: scans every text (bodies, log lines) for every configured secret and the extra ones. */
export function expectNoSecrets(texts: readonly string[], extra: readonly string[] = []): void {
  const secrets = [...configuredSecrets, ...extra];
  const hits = texts.filter((text) => secrets.some((secret) => text.includes(secret)));
  expect(hits).toEqual([]);
}
