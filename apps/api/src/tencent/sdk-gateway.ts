/**
 * The TencentGateway on tencentcloud-sdk-nodejs-sms. Each call is bounded by our own timer, reads are
 * retried once on a network error only, and SendSms is never retried: a second attempt could deliver a
 * second code to a real phone. The client pool, the timer, the paging and the model mappers have files
 * of their own (sdk-*.ts).
 */
import type * as Sms from 'tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_models.js';
import type { AppError } from '../errors.ts';
import type { GuidanceContext } from './errors.ts';
import type { TencentCredentials, TencentGateway } from './gateway.ts';
import { createClientPool } from './sdk-client-pool.ts';
import { isNetworkError, TencentBadReplyError, toAppError } from './sdk-errors.ts';
import {
  arrayOf,
  chinaHour,
  numericId,
  sendRequest,
  templateFields,
  toAddedTemplate,
  toReport,
  toSendResult,
  toSign,
  toStatistics,
  toTemplate,
} from './sdk-mappers.ts';
import { allPages, byIdChunks, clampPage } from './sdk-paging.ts';
import { withTimeout } from './sdk-timeout.ts';

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

interface CallOptions<T> {
  retry: boolean;
  context?: GuidanceContext;
  parse: (res: Record<string, unknown>) => T;
}

export function createSdkGateway(options: SdkGatewayOptions): TencentGateway {
  const pageSize = clampPage(options.pageSize);
  const { timeoutMs, logger } = options;
  const pool = createClientPool({
    url: new URL(options.endpoint),
    timeoutMs,
    maxClients: options.maxClients ?? 100,
  });

  async function call<T>(
    creds: TencentCredentials,
    action: string,
    req: object,
    opts: CallOptions<T>,
  ): Promise<T> {
    const client = await pool.clientFor(creds);
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
          endpoint: pool.endpoint,
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
      const all = await allPages(pageSize, async (Limit, Offset) =>
        (await listTemplatesPage(creds, { International, Limit, Offset })).map((t) => ({
          id: t.templateId,
          t,
        })),
      );
      return all.map(({ t }) => t);
    },

    async addTemplate(creds, template) {
      const req: Sms.AddSmsTemplateRequest = { ...templateFields(template) };
      return call(creds, 'AddSmsTemplate', req, { retry: false, parse: toAddedTemplate });
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
      const all = await allPages(pageSize, async (Limit, Offset) =>
        (await listSignsPage(creds, { International, Limit, Offset })).map((s) => ({ id: s.signId, s })),
      );
      return all.map(({ s }) => s);
    },

    async sendSms(creds, send) {
      return call(creds, 'SendSms', sendRequest(send), {
        retry: false,
        context: { templateId: send.templateId, ...(send.signName ? { signName: send.signName } : {}) },
        parse: toSendResult,
      });
    },

    async pullDeliveryReports(creds, { sdkAppId, limit }) {
      const req: Sms.PullSmsSendStatusRequest = { SmsSdkAppId: sdkAppId, Limit: clampPage(limit) };
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
      return call(creds, 'SendStatusStatistics', req, { retry: true, parse: toStatistics });
    },
  };
}
