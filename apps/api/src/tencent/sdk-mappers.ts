/** Between smsdesk's gateway types and the SDK's request and reply models, nothing else. */
import type * as Sms from 'tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_models.js';
import { tencentCodeError } from './errors.ts';
import type {
  DeliveryReport,
  SendResult,
  SendStatistics,
  SendRequest,
  TemplateInput,
  TencentSign,
  TencentTemplate,
} from './gateway.ts';
import { statusFromCode } from './rules.ts';
import { TencentBadReplyError } from './sdk-errors.ts';

type Reply = Record<string, unknown>;

/** Tencent's `yyyymmddhh`, in China Standard Time (UTC+8, no daylight saving). */
export function chinaHour(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return china.slice(0, 13).replace(/[-T]/g, '');
}

export function templateFields(t: TemplateInput) {
  return {
    TemplateName: t.name,
    TemplateContent: t.content,
    SmsType: t.smsType,
    International: t.international ? 1 : 0,
    Remark: t.remark ?? '',
  };
}

/** Modify/Delete of an id that cannot exist answer like Tencent would, without a round trip. */
export function numericId(templateId: string): number {
  if (!/^\d{1,15}$/.test(templateId)) {
    throw tencentCodeError('FailedOperation.MissingTemplateToModify', '', undefined, { templateId });
  }
  return Number(templateId);
}

export function sendRequest(send: SendRequest): Sms.SendSmsRequest {
  return {
    SmsSdkAppId: send.sdkAppId,
    TemplateId: send.templateId,
    TemplateParamSet: send.params,
    PhoneNumberSet: send.phoneNumbers,
    ...(send.signName !== undefined ? { SignName: send.signName } : {}),
    ...(send.sessionContext !== undefined ? { SessionContext: send.sessionContext } : {}),
  };
}

/** Lists may omit an empty set; a send without its statuses is not a reply we can trust. */
export function arrayOf(res: Reply, field: string, required = false): Reply[] {
  const value = res[field];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) throw new TencentBadReplyError(`the reply has no ${field}`);
  return value as Reply[];
}

export function toTemplate(raw: Reply): TencentTemplate {
  const t = raw as Sms.DescribeTemplateListStatus;
  const statusCode = t.StatusCode ?? 1;
  return {
    templateId: String(t.TemplateId ?? ''),
    name: t.TemplateName ?? '',
    content: t.TemplateContent ?? '',
    status: statusFromCode(statusCode),
    statusCode,
    reviewReply: t.ReviewReply || null,
    international: t.International === 1,
    createdAt: isoFromSeconds(t.CreateTime),
  };
}

export function toSign(raw: Reply): TencentSign {
  const s = raw as Sms.DescribeSignListStatus;
  const statusCode = s.StatusCode ?? 1;
  return {
    signId: String(s.SignId ?? ''),
    signName: s.SignName ?? '',
    status: statusFromCode(statusCode),
    statusCode,
    reviewReply: s.ReviewReply || null,
    international: s.International === 1,
    createdAt: isoFromSeconds(s.CreateTime),
  };
}

export function toAddedTemplate(res: Reply): { templateId: string } {
  const status = res.AddTemplateStatus as Partial<Sms.AddTemplateStatus> | undefined;
  const id = status?.TemplateId;
  if (id === undefined || id === null || String(id) === '')
    throw new TencentBadReplyError('no AddTemplateStatus.TemplateId');
  return { templateId: String(id) };
}

export function toSendResult(res: Reply): SendResult {
  return {
    requestId: typeof res.RequestId === 'string' ? res.RequestId : '',
    statuses: arrayOf(res, 'SendStatusSet', true).map((raw) => {
      const s = raw as Sms.SendStatus;
      return {
        phoneNumber: s.PhoneNumber ?? '',
        code: s.Code ?? '',
        message: s.Message ?? '',
        serialNo: s.SerialNo || null,
        fee: s.Fee ?? 0,
        isoCode: s.IsoCode || null,
      };
    }),
  };
}

export function toReport(raw: Reply): DeliveryReport {
  const r = raw as Sms.PullSmsSendStatus;
  return {
    serialNo: r.SerialNo ?? '',
    phoneNumber: r.PhoneNumber ?? '',
    status: r.ReportStatus === 'SUCCESS' ? 'delivered' : 'failed',
    description: r.Description ?? '',
    receivedAt: isoFromSeconds(r.UserReceiveTime),
  };
}

export function toStatistics(res: Reply): SendStatistics {
  const s = res.SendStatusStatistics as Sms.SendStatusStatistics | undefined;
  if (typeof s !== 'object' || s === null)
    throw new TencentBadReplyError('the reply has no SendStatusStatistics');
  return {
    feeCount: s.FeeCount ?? 0,
    requestCount: s.RequestCount ?? 0,
    requestSuccessCount: s.RequestSuccessCount ?? 0,
  };
}

function isoFromSeconds(seconds: number | undefined): string | null {
  return typeof seconds === 'number' && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}
