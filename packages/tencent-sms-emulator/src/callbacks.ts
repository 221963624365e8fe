import type { DeliveryReport } from './store.ts';

// Tencent pushes delivery reports to the callback URL set in its console: a JSON array, several reports per
// request, answered `{"result":0,"errmsg":"OK"}` by the receiver. The emulator does the same, once per report.

/** One element of Tencent's status callback body. */
export interface StatusCallbackItem {
  /** China time (UTC+8), `2015-10-17 08:03:04`. */
  user_receive_time: string;
  nationcode: string;
  mobile: string;
  report_status: 'SUCCESS' | 'FAIL';
  errmsg: string;
  description: string;
  sid: string;
}

export interface CallbackPush {
  url: string;
  body: StatusCallbackItem[];
  /** The receiver's HTTP status, or null when it could not be reached. */
  status: number | null;
  reply: string;
  at: string;
}

function chinaTime(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000 + 8 * 3600 * 1000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

export function toCallbackItem(report: DeliveryReport): StatusCallbackItem {
  const ok = report.ReportStatus === 'SUCCESS';
  return {
    user_receive_time: chinaTime(report.UserReceiveTime),
    nationcode: report.CountryCode,
    mobile: report.SubscriberNumber,
    report_status: report.ReportStatus,
    errmsg: report.Description,
    description: ok ? '用户短信送达成功' : '用户短信未送达',
    sid: report.SerialNo,
  };
}

/** Posts the items to `url`; never throws (a receiver that is down is Tencent's problem, logged here). */
export async function pushCallback(url: string, body: StatusCallbackItem[]): Promise<CallbackPush> {
  const at = new Date().toISOString();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    return { url, body, status: res.status, reply: await res.text(), at };
  } catch (error) {
    return { url, body, status: null, reply: (error as Error).message, at };
  }
}
