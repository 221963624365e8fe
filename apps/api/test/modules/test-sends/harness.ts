// Set-up shared by the test-send suites: the emulator's control API over HTTP, and a stack whose
// test-send limits are set the same way whether or not app.ts hands the config to the routes.
import type { TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import type { DatabaseKind } from '../../helpers/databases.ts';
import { startTestStack, type TestStack } from '../../helpers/stack.ts';

export interface SendSmsParams {
  PhoneNumberSet: string[];
  TemplateParamSet: string[];
  TemplateId: string;
  SignName: string;
  SmsSdkAppId: string;
}

export async function sendSmsRequests(emu: TencentSmsEmulator): Promise<SendSmsParams[]> {
  const res = await fetch(`${emu.url}/__emulator/requests?action=SendSms`);
  const body = (await res.json()) as { requests: Array<{ params: SendSmsParams }> };
  return body.requests.map((r) => r.params);
}

export async function requestCount(emu: TencentSmsEmulator, action: string): Promise<number> {
  const res = await fetch(`${emu.url}/__emulator/requests?action=${action}`);
  return ((await res.json()) as { requests: unknown[] }).requests.length;
}

/** Newest first, as the emulator lists them. */
export async function inbox(emu: TencentSmsEmulator, phone: string): Promise<Array<{ text: string }>> {
  const res = await fetch(`${emu.url}/__emulator/messages?phone=${encodeURIComponent(phone)}`);
  return ((await res.json()) as { messages: Array<{ text: string }> }).messages;
}

/** The code of the newest message to `phone`, read off the rendered text like a person would. */
export async function lastCode(emu: TencentSmsEmulator, phone: string): Promise<string> {
  const text = (await inbox(emu, phone))[0]?.text ?? '';
  const code = /(\d{6})/.exec(text)?.[1];
  if (!code) throw new Error(`no code in the inbox of ${phone}: ${JSON.stringify(text)}`);
  return code;
}

export async function injectFault(emu: TencentSmsEmulator, fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!res.ok) throw new Error(`fault refused: ${res.status} ${await res.text()}`);
}

/**
 * app.ts registers the test-send routes without options, so they read their limits from the
 * environment: the limit settings go both there (only while the app is built) and into the stack's env.
 */
export async function startStackWithLimits(
  kind: DatabaseKind,
  env: Record<string, string>,
): Promise<TestStack> {
  const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [key, value] of Object.entries(env)) if (key.startsWith('TEST_SEND_')) process.env[key] = value;
  try {
    return await startTestStack(kind, env);
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export const generousLimits = {
  TEST_SEND_LIMIT_PER_USER_PER_HOUR: '1000',
  TEST_SEND_LIMIT_PER_PHONE_PER_HOUR: '1000',
  TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY: '1000',
};
