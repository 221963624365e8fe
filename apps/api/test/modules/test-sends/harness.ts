// Set-up shared by the test-send suites: the emulator's control API over HTTP.
import type { TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';

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

export const generousLimits = {
  TEST_SEND_LIMIT_PER_USER_PER_HOUR: '1000',
  TEST_SEND_LIMIT_PER_PHONE_PER_HOUR: '1000',
  TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY: '1000',
};
