import { invalidParameterValue } from '../envelope.ts';
import { requireInt, requireString } from '../params.ts';
import { type ActionHandler, assertOwnSdkAppId } from './context.ts';

// Tencent's hours are China Standard Time (UTC+8, no daylight saving).
const CHINA_OFFSET_MS = 8 * 3600_000;

/** `yyyymmddhh` in China time → the start of that hour in epoch ms; NaN when it is not a real hour. */
export function hourStart(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return Number.NaN;
  const [year, month, day, hour] = m.slice(1).map(Number) as [number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour);
  const back = new Date(utc);
  const real =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour;
  return real ? utc - CHINA_OFFSET_MS : Number.NaN;
}

function requireHour(params: Record<string, unknown>, name: string): number {
  const text = requireString(params, name);
  const start = hourStart(text);
  if (Number.isNaN(start)) throw invalidParameterValue(name, text, 'must be an hour written yyyymmddhh');
  return start;
}

/**
 * Send statistics of an SDK app, both hours included. A read that names the SdkAppId, so it answers
 * SmsSdkAppIdVerifyFail / SdkAppIdNotExist exactly as SendSms does, without sending anything.
 * RequestCount counts every number submitted, refused ones included; RequestSuccessCount the accepted.
 */
export const sendStatusStatistics: ActionHandler = (ctx) => {
  const { params, store } = ctx;
  const from = requireHour(params, 'BeginTime');
  const to = requireHour(params, 'EndTime');
  const sdkAppId = requireString(params, 'SmsSdkAppId');
  // Tencent documents both as "currently fixed at 0".
  requireInt(params, 'Limit', { min: 0 });
  requireInt(params, 'Offset', { min: 0 });
  if (to < from) {
    throw invalidParameterValue('EndTime', params.EndTime, 'must not be earlier than BeginTime');
  }
  assertOwnSdkAppId(ctx, sdkAppId);
  const end = to + 3600_000;
  const inWindow = store.submissions.filter((s) => s.sdkAppId === sdkAppId && s.at >= from && s.at < end);
  return {
    SendStatusStatistics: {
      FeeCount: inWindow.reduce((sum, s) => sum + s.fee, 0),
      RequestCount: inWindow.length,
      RequestSuccessCount: inWindow.filter((s) => s.ok).length,
    },
  };
};
