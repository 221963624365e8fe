// Per-number frequency limits as Tencent applies them by default (per SdkAppId and number). Configurable
// because end-to-end tests send many codes to the same number and must be able to switch them off.

export interface FrequencyLimits {
  /** Same content (template + parameters) to one number at most once per this many seconds; 0 disables. */
  sameContentSeconds: number;
  /** Messages to one number per rolling hour; 0 disables. */
  hourly: number;
  /** Messages to one number per calendar day (China time, as Tencent counts); 0 disables. */
  daily: number;
}

/** Tencent's documented defaults: same content once per 30 s, 10 per natural day; no hourly cap. */
export const defaultLimits: FrequencyLimits = { sameContentSeconds: 30, hourly: 0, daily: 10 };

export type LimitCode =
  | 'LimitExceeded.PhoneNumberThirtySecondLimit'
  | 'LimitExceeded.PhoneNumberOneHourLimit'
  | 'LimitExceeded.PhoneNumberDailyLimit';

export const limitMessages: Record<LimitCode, string> = {
  'LimitExceeded.PhoneNumberThirtySecondLimit':
    'the number of sms messages with the same content sent to a single mobile number within 30 seconds exceeds the upper limit',
  'LimitExceeded.PhoneNumberOneHourLimit':
    'the number of sms messages sent to a single mobile number within 1 hour exceeds the upper limit',
  'LimitExceeded.PhoneNumberDailyLimit':
    'the number of sms messages sent to a single mobile number every day exceeds the upper limit',
};

const CHINA_OFFSET_MS = 8 * 3600_000;
const chinaDay = (ms: number): number => Math.floor((ms + CHINA_OFFSET_MS) / 86_400_000);

interface SendRecord {
  at: number;
  content: string;
}

export class FrequencyLimiter {
  private readonly sent = new Map<string, SendRecord[]>();

  constructor(public limits: FrequencyLimits | false) {}

  /** The limit a new send would break, if any. `key` identifies SdkAppId + number. */
  check(key: string, content: string, now: number): LimitCode | undefined {
    if (!this.limits) return undefined;
    const records = this.sent.get(key) ?? [];
    const { sameContentSeconds, hourly, daily } = this.limits;
    if (
      sameContentSeconds > 0 &&
      records.some((r) => r.content === content && now - r.at < sameContentSeconds * 1000)
    ) {
      return 'LimitExceeded.PhoneNumberThirtySecondLimit';
    }
    if (hourly > 0 && records.filter((r) => now - r.at < 3600_000).length >= hourly) {
      return 'LimitExceeded.PhoneNumberOneHourLimit';
    }
    if (daily > 0 && records.filter((r) => chinaDay(r.at) === chinaDay(now)).length >= daily) {
      return 'LimitExceeded.PhoneNumberDailyLimit';
    }
    return undefined;
  }

  record(key: string, content: string, now: number): void {
    const records = (this.sent.get(key) ?? []).filter((r) => now - r.at < 2 * 86_400_000);
    records.push({ at: now, content });
    this.sent.set(key, records);
  }

  clear(): void {
    this.sent.clear();
  }
}
