/**
 * The TencentGateway on tencentcloud-sdk-nodejs-sms. Each call is bounded by our own timer (the SDK's
 * timeout is whole seconds), reads are retried once on a network error only, and SendSms is never
 * retried: a second attempt could deliver a second code to a real phone.
 */
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import * as tencentcloud from 'tencentcloud-sdk-nodejs-sms';
import type * as Sms from 'tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_models.js';
import type { AppError } from '../errors.ts';
import { type GuidanceContext, tencentCodeError } from './errors.ts';
import type {
  DeliveryReport,
  SendResult,
  SendStatistics,
  TemplateInput,
  TencentCredentials,
  TencentGateway,
  TencentSign,
  TencentTemplate,
} from './gateway.ts';
import { statusFromCode } from './rules.ts';
import { TencentBadReplyError, TencentTimeoutError, isNetworkError, toAppError } from './sdk-errors.ts';

type SmsClient = InstanceType<typeof tencentcloud.sms.v20210111.Client>;

/** Pino/Fastify's logger fits. Only action, outcome and timings are logged, never credentials. */
export interface GatewayLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface SdkGatewayOptions {
  /** Full URL, e.g. https://sms.tencentcloudapi.com or http://localhost:3002 (config.tencent.endpoint). */
  endpoint: string;
  timeoutMs: number;
  logger?: GatewayLogger;
  /** Page size of list calls; Tencent's maximum (100) unless a test wants to see the paging. */
  pageSize?: number;
  /** How many SDK clients (one per credentials + region) are kept. */
  maxClients?: number;
}

/** Tencent's limit for TemplateIdSet / SignIdSet and for Limit. */
const MAX_PAGE = 100;

export function createSdkGateway(options: SdkGatewayOptions): TencentGateway {
  const url = new URL(options.endpoint);
  const protocol = url.protocol === 'http:' ? 'http://' : 'https://';
  const endpoint = `${protocol}${url.host}`;
  const pageSize = Math.min(Math.max(options.pageSize ?? MAX_PAGE, 1), MAX_PAGE);
  const maxClients = options.maxClients ?? 100;
  const { timeoutMs, logger } = options;
  // The SDK routes through the lowercase http_proxy whenever no agent is given, even for 127.0.0.1. A
  // loopback endpoint (the emulator) must never go through a proxy, so it gets a plain agent; a remote
  // endpoint keeps the SDK's behaviour, which lets a deployment behind an egress proxy reach Tencent.
  const agent = isLoopback(url.hostname)
    ? protocol === 'http://'
      ? new http.Agent({ keepAlive: true })
      : new https.Agent({ keepAlive: true })
    : undefined;
  const clients = new Map<string, SmsClient>();

  function clientFor(creds: TencentCredentials): SmsClient {
    // The key carries a hash of the secret, so a changed key gets a new client without keeping it twice.
    const secretHash = createHash('sha256').update(creds.secretKey).digest('base64url');
    const key = `${creds.secretId}\u0000${creds.region}\u0000${secretHash}`;
    const cached = clients.get(key);
    if (cached) {
      clients.delete(key); // re-insert: the Map's order doubles as least-recently-used
      clients.set(key, cached);
      return cached;
    }
    const client = new tencentcloud.sms.v20210111.Client({
      credential: { secretId: creds.secretId, secretKey: creds.secretKey },
      region: creds.region,
      profile: {
        httpProfile: {
          endpoint: url.host,
          protocol,
          // One second more than our own timer, so ours always decides and maps to TENCENT_TIMEOUT.
          reqTimeout: Math.ceil(timeoutMs / 1000) + 1,
          ...(agent ? { agent } : {}),
        },
      },
    });
    if (clients.size >= maxClients) {
      const oldest = clients.keys().next().value;
      if (oldest !== undefined) clients.delete(oldest);
    }
    clients.set(key, client);
    return client;
  }

  async function call<T>(
    creds: TencentCredentials,
    action: string,
    req: object,
    opts: { retry: boolean; context?: GuidanceContext; parse: (res: Record<string, unknown>) => T },
  ): Promise<T> {
    const client = clientFor(creds);
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      try {
        const res = await withTimeout((signal) => client.request(action, req, { signal }), timeoutMs);
        if (typeof res !== 'object' || res === null)
          throw new TencentBadReplyError('the reply has no Response');
        const parsed = opts.parse(res as Record<string, unknown>);
        logger?.debug(
          { action, region: creds.region, ms: Date.now() - started, requestId: res.RequestId },
          'tencent call',
        );
        return parsed;
      } catch (error) {
        if (opts.retry && attempt === 1 && isNetworkError(error)) {
          logger?.warn(
            { action, region: creds.region, ms: Date.now() - started },
            'tencent call failed on the network, retrying once',
          );
          continue;
        }
        const appError: AppError = toAppError(error, {
          ...opts.context,
          action,
          endpoint,
          secretKey: creds.secretKey,
        });
        logger?.warn(
          {
            action,
            region: creds.region,
            ms: Date.now() - started,
            code: appError.code,
            details: appError.details,
          },
          'tencent call failed',
        );
        throw appError;
      }
    }
  }

  async function allPages<T extends { id: string }>(
    fetchPage: (limit: number, offset: number) => Promise<T[]>,
  ): Promise<T[]> {
    const found = new Map<string, T>();
    for (let offset = 0; ; offset += pageSize) {
      const page = await fetchPage(pageSize, offset);
      let fresh = 0;
      for (const item of page) {
        if (!found.has(item.id)) fresh++;
        found.set(item.id, item);
      }
      // A short page ends the list; a page with nothing new means the server ignores Offset.
      if (page.length < pageSize || fresh === 0) return [...found.values()];
    }
  }

  async function byIdChunks<T>(ids: string[], fetchChunk: (ids: number[]) => Promise<T[]>): Promise<T[]> {
    // An id that is not a number cannot exist at Tencent; it is simply not found.
    const numeric = [...new Set(ids)].filter((id) => /^\d{1,15}$/.test(id)).map(Number);
    const results: T[] = [];
    for (let i = 0; i < numeric.length; i += MAX_PAGE)
      results.push(...(await fetchChunk(numeric.slice(i, i + MAX_PAGE))));
    return results;
  }

  function listTemplatesPage(creds: TencentCredentials, req: Sms.DescribeSmsTemplateListRequest) {
    return call(creds, 'DescribeSmsTemplateList', req, {
      retry: true,
      parse: (res) => arrayOf(res, 'DescribeTemplateStatusSet').map(toTemplate),
    });
  }

  function listSignsPage(creds: TencentCredentials, req: Sms.DescribeSmsSignListRequest) {
    return call(creds, 'DescribeSmsSignList', req, {
      retry: true,
      parse: (res) => arrayOf(res, 'DescribeSignListStatusSet').map(toSign),
    });
  }

  return {
    async listTemplates(creds, { international, templateIds }) {
      const International = international ? 1 : 0;
      if (templateIds) {
        return byIdChunks(templateIds, (TemplateIdSet) =>
          listTemplatesPage(creds, { International, TemplateIdSet }),
        );
      }
      const all = await allPages(async (Limit, Offset) =>
        (await listTemplatesPage(creds, { International, Limit, Offset })).map((t) => ({
          id: t.templateId,
          t,
        })),
      );
      return all.map(({ t }) => t);
    },

    async addTemplate(creds, template) {
      const req: Sms.AddSmsTemplateRequest = { ...templateFields(template) };
      return call(creds, 'AddSmsTemplate', req, {
        retry: false,
        parse: (res) => {
          const status = res.AddTemplateStatus as Partial<Sms.AddTemplateStatus> | undefined;
          const id = status?.TemplateId;
          if (id === undefined || id === null || String(id) === '')
            throw new TencentBadReplyError('no AddTemplateStatus.TemplateId');
          return { templateId: String(id) };
        },
      });
    },

    async modifyTemplate(creds, templateId, template) {
      const TemplateId = numericId(templateId);
      const req: Sms.ModifySmsTemplateRequest = { TemplateId, ...templateFields(template) };
      await call(creds, 'ModifySmsTemplate', req, {
        retry: false,
        context: { templateId },
        parse: () => undefined,
      });
    },

    async deleteTemplate(creds, templateId) {
      const req: Sms.DeleteSmsTemplateRequest = { TemplateId: numericId(templateId) };
      await call(creds, 'DeleteSmsTemplate', req, {
        retry: false,
        context: { templateId },
        parse: () => undefined,
      });
    },

    async listSigns(creds, { international, signIds }) {
      const International = international ? 1 : 0;
      if (signIds)
        return byIdChunks(signIds, (SignIdSet) => listSignsPage(creds, { International, SignIdSet }));
      const all = await allPages(async (Limit, Offset) =>
        (await listSignsPage(creds, { International, Limit, Offset })).map((s) => ({ id: s.signId, s })),
      );
      return all.map(({ s }) => s);
    },

    async sendSms(creds, send) {
      const req: Sms.SendSmsRequest = {
        SmsSdkAppId: send.sdkAppId,
        TemplateId: send.templateId,
        TemplateParamSet: send.params,
        PhoneNumberSet: send.phoneNumbers,
        ...(send.signName !== undefined ? { SignName: send.signName } : {}),
        ...(send.sessionContext !== undefined ? { SessionContext: send.sessionContext } : {}),
      };
      return call(creds, 'SendSms', req, {
        retry: false,
        context: { templateId: send.templateId, ...(send.signName ? { signName: send.signName } : {}) },
        parse: (res): SendResult => ({
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
        }),
      });
    },

    async pullDeliveryReports(creds, { sdkAppId, limit }) {
      const req: Sms.PullSmsSendStatusRequest = {
        SmsSdkAppId: sdkAppId,
        Limit: Math.min(Math.max(Math.trunc(limit ?? MAX_PAGE), 1), MAX_PAGE),
      };
      // A retry after a network error may lose a batch Tencent already handed out; reports are
      // informational, so one lost batch is better than a failed status page.
      return call(creds, 'PullSmsSendStatus', req, {
        retry: true,
        parse: (res) => arrayOf(res, 'PullSmsSendStatusSet').map(toReport),
      });
    },

    async sendStatistics(creds, { sdkAppId, from, to }) {
      const end = to ?? new Date();
      const req: Sms.SendStatusStatisticsRequest = {
        SmsSdkAppId: sdkAppId,
        BeginTime: chinaHour(from ?? end),
        EndTime: chinaHour(end),
        // Tencent documents both as "currently fixed at 0".
        Limit: 0,
        Offset: 0,
      };
      return call(creds, 'SendStatusStatistics', req, {
        retry: true,
        parse: (res): SendStatistics => {
          const s = res.SendStatusStatistics as Sms.SendStatusStatistics | undefined;
          if (typeof s !== 'object' || s === null)
            throw new TencentBadReplyError('the reply has no SendStatusStatistics');
          return {
            feeCount: s.FeeCount ?? 0,
            requestCount: s.RequestCount ?? 0,
            requestSuccessCount: s.RequestSuccessCount ?? 0,
          };
        },
      });
    },
  };
}

/** Tencent's `yyyymmddhh`, in China Standard Time (UTC+8, no daylight saving). */
export function chinaHour(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return china.slice(0, 13).replace(/[-T]/g, '');
}

function templateFields(t: TemplateInput) {
  return {
    TemplateName: t.name,
    TemplateContent: t.content,
    SmsType: t.smsType,
    International: t.international ? 1 : 0,
    Remark: t.remark ?? '',
  };
}

/** Modify/Delete of an id that cannot exist answer like Tencent would, without a round trip. */
function numericId(templateId: string): number {
  if (!/^\d{1,15}$/.test(templateId)) {
    throw tencentCodeError('FailedOperation.MissingTemplateToModify', '', undefined, { templateId });
  }
  return Number(templateId);
}

/** Lists may omit an empty set; a send without its statuses is not a reply we can trust. */
function arrayOf(res: Record<string, unknown>, field: string, required = false): Record<string, unknown>[] {
  const value = res[field];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) throw new TencentBadReplyError(`the reply has no ${field}`);
  return value as Record<string, unknown>[];
}

function toTemplate(raw: Record<string, unknown>): TencentTemplate {
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

function toSign(raw: Record<string, unknown>): TencentSign {
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

function toReport(raw: Record<string, unknown>): DeliveryReport {
  const r = raw as Sms.PullSmsSendStatus;
  return {
    serialNo: r.SerialNo ?? '',
    phoneNumber: r.PhoneNumber ?? '',
    status: r.ReportStatus === 'SUCCESS' ? 'delivered' : 'failed',
    description: r.Description ?? '',
    receivedAt: isoFromSeconds(r.UserReceiveTime),
  };
}

function isoFromSeconds(seconds: number | undefined): string | null {
  return typeof seconds === 'number' && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}

/** Races the call against a timer that is always cleared, and aborts the HTTP request when it fires. */
async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new TencentTimeoutError(ms));
      controller.abort();
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
