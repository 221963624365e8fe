/**
 * What smsdesk asks of Tencent Cloud SMS, in smsdesk's words. Nothing from the SDK leaks through here, so
 * services can be written (and reasoned about) without knowing Tencent's field names.
 *
 * Every method rejects with an `AppError` (TENCENT_*, or TEMPLATE_NOT_FOUND) whose `details` are
 * `TencentErrorDetails`; per-number send failures are NOT errors, they come back in `SendResult.statuses`.
 */
import type { TemplateStatus } from '@smsdesk/shared/schemas/templates';
import type { SmsType } from '@smsdesk/shared/template-rules';

/** A connector's Tencent credentials, secret decrypted: for the gateway only, never for a response. */
export interface TencentCredentials {
  secretId: string;
  secretKey: string;
  region: string;
}

export interface TencentTemplate {
  templateId: string;
  name: string;
  content: string;
  status: TemplateStatus;
  /** Tencent's raw StatusCode: 0 approved, 1 reviewing, 2 approved not yet in effect, -1 rejected. */
  statusCode: number;
  reviewReply: string | null;
  international: boolean;
  /** ISO 8601 */
  createdAt: string | null;
}

export interface TencentSign {
  signId: string;
  signName: string;
  status: TemplateStatus;
  statusCode: number;
  reviewReply: string | null;
  international: boolean;
  /** ISO 8601 */
  createdAt: string | null;
}

/** 1 marketing, 2 notification, 3 verification code (what Logto's codes need). */

export interface TemplateInput {
  name: string;
  content: string;
  smsType: SmsType;
  international: boolean;
  remark?: string;
}

export interface SendRequest {
  sdkAppId: string;
  /** Sign text (not id); required by Tencent for mainland numbers. */
  signName?: string;
  templateId: string;
  params: string[];
  /** ≤ 200, all mainland or all international. */
  phoneNumbers: string[];
  sessionContext?: string;
}

export interface SendStatus {
  phoneNumber: string;
  /** 'Ok' on success, else a Tencent code; `guidanceFor(code)` explains it. */
  code: string;
  message: string;
  serialNo: string | null;
  fee: number;
  isoCode: string | null;
}

export interface SendResult {
  requestId: string;
  statuses: SendStatus[];
}

export interface DeliveryReport {
  serialNo: string;
  phoneNumber: string;
  status: 'delivered' | 'failed';
  /** Operator's status text, e.g. DELIVRD. */
  description: string;
  /** ISO 8601 */
  receivedAt: string | null;
}

/** Tencent's SendStatusStatistics: what an SDK app sent in a window of whole hours (China time). */
export interface SendStatistics {
  feeCount: number;
  requestCount: number;
  requestSuccessCount: number;
}

/** `details` of every AppError the gateway throws. */
export interface TencentErrorDetails {
  tencentCode?: string;
  requestId?: string;
  fix: string;
}

export interface TencentGateway {
  /** Without `templateIds`: every template of that kind (all pages). With ids: only those found. */
  listTemplates(
    creds: TencentCredentials,
    opts: { international: boolean; templateIds?: string[] },
  ): Promise<TencentTemplate[]>;
  addTemplate(creds: TencentCredentials, template: TemplateInput): Promise<{ templateId: string }>;
  /** Only templates under review or rejected can change (TemplateAlreadyPassedCheck otherwise). */
  modifyTemplate(creds: TencentCredentials, templateId: string, template: TemplateInput): Promise<void>;
  deleteTemplate(creds: TencentCredentials, templateId: string): Promise<void>;
  /** Without `signIds`: every sign of that kind (all pages); Tencent's SignIdSet is optional. */
  listSigns(
    creds: TencentCredentials,
    opts: { international: boolean; signIds?: string[] },
  ): Promise<TencentSign[]>;
  /** Never retried: a retry could send a second code to a real phone. */
  sendSms(creds: TencentCredentials, req: SendRequest): Promise<SendResult>;
  /** A queue at Tencent: each report is handed out once. `limit` 1–100, default 100. */
  pullDeliveryReports(
    creds: TencentCredentials,
    opts: { sdkAppId: string; limit?: number },
  ): Promise<DeliveryReport[]>;
  /**
   * Send statistics of the SDK app for the hours containing `from` … `to` (default: the current hour).
   * A read that names the SdkAppId: it fails like SendSms does for an app of another account
   * (SmsSdkAppIdVerifyFail) or of nobody (SdkAppIdNotExist), without sending or consuming anything.
   */
  sendStatistics(
    creds: TencentCredentials,
    opts: { sdkAppId: string; from?: Date; to?: Date },
  ): Promise<SendStatistics>;
}
