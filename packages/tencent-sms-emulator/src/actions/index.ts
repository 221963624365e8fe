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
