// The emulator's control API (/__emulator/…) for every suite that runs the real emulator.
import type { TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';

export interface SendSmsParams {
  PhoneNumberSet: string[];
  TemplateParamSet: string[];
  TemplateId: string;
  SignName: string;
  SmsSdkAppId: string;
}

export interface EmulatorRequest<P = Record<string, unknown>> {
  action: string;
  params: P;
  outcome: string;
}

/** The requests the emulator received for `action`, in order. */
export async function requestsOf<P = Record<string, unknown>>(
  emu: TencentSmsEmulator,
  action: string,
): Promise<EmulatorRequest<P>[]> {
  const res = await fetch(`${emu.url}/__emulator/requests?action=${action}`);
  return ((await res.json()) as { requests: EmulatorRequest<P>[] }).requests;
}

export async function sendSmsRequests(emu: TencentSmsEmulator): Promise<SendSmsParams[]> {
  return (await requestsOf<SendSmsParams>(emu, 'SendSms')).map((r) => r.params);
}

export async function requestCount(emu: TencentSmsEmulator, action: string): Promise<number> {
  return (await requestsOf(emu, action)).length;
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

export interface Fault {
  kind: 'delay' | 'http500' | 'non_json' | 'error';
  count?: number;
  action?: string;
  delayMs?: number;
  code?: string;
  message?: string;
}

export async function injectFault(emu: TencentSmsEmulator, fault: Fault): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!res.ok) throw new Error(`fault refused: ${res.status} ${await res.text()}`);
}

export async function resetEmulator(emu: TencentSmsEmulator): Promise<void> {
  await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
}
