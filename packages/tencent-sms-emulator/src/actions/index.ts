import type { ActionHandler } from './context.ts';
import { pullSmsSendStatus } from './pull-status.ts';
import { sendSms } from './send-sms.ts';
import { describeSmsSignList } from './signs.ts';
import { sendStatusStatistics } from './statistics.ts';
import {
  addSmsTemplate,
  deleteSmsTemplate,
  describeSmsTemplateList,
  modifySmsTemplate,
} from './templates.ts';

export type { ActionContext, ActionHandler } from './context.ts';

/**
 * The parameters each action documents (2021-01-11); any other one is answered with UnknownParameter, as
 * Tencent does, so a client that passes here sends nothing the real API would refuse as unknown.
 */
const templateDraft = ['TemplateName', 'TemplateContent', 'SmsType', 'International', 'Remark'];
export const actionParameters: Readonly<Record<string, readonly string[]>> = {
  SendSms: [
    'PhoneNumberSet',
    'SmsSdkAppId',
    'TemplateId',
    'SignName',
    'TemplateParamSet',
    'ExtendCode',
    'SessionContext',
    'SenderId',
  ],
  DescribeSmsTemplateList: ['TemplateIdSet', 'International', 'Limit', 'Offset'],
  AddSmsTemplate: templateDraft,
  ModifySmsTemplate: ['TemplateId', ...templateDraft],
  DeleteSmsTemplate: ['TemplateId'],
  DescribeSmsSignList: ['SignIdSet', 'International', 'Limit', 'Offset'],
  PullSmsSendStatus: ['Limit', 'SmsSdkAppId'],
  SendStatusStatistics: ['BeginTime', 'EndTime', 'SmsSdkAppId', 'Limit', 'Offset'],
};

/** The SMS 2021-01-11 actions the emulator implements; any other X-TC-Action is InvalidAction. */
export const actions: Readonly<Record<string, ActionHandler>> = {
  SendSms: sendSms,
  DescribeSmsTemplateList: describeSmsTemplateList,
  AddSmsTemplate: addSmsTemplate,
  ModifySmsTemplate: modifySmsTemplate,
  DeleteSmsTemplate: deleteSmsTemplate,
  DescribeSmsSignList: describeSmsSignList,
  PullSmsSendStatus: pullSmsSendStatus,
  SendStatusStatistics: sendStatusStatistics,
};
