import { TencentError, invalidParameterValue } from '../envelope.ts';
import {
  type Params,
  optionalInt,
  optionalIntArray,
  requireInt,
  requireInternational,
  requireString,
} from '../params.ts';
import type { Template } from '../store.ts';
import { type ActionHandler, assertEnterprise } from './context.ts';

const toStatus = (t: Template) => ({
  TemplateId: t.templateId,
  International: t.international,
  StatusCode: t.statusCode,
  ReviewReply: t.reviewReply,
  TemplateName: t.templateName,
  CreateTime: t.createTime,
  TemplateContent: t.templateContent,
});

export const describeSmsTemplateList: ActionHandler = (ctx) => {
  const { store, account, params } = ctx;
  const international = requireInternational(params);
  const ids = optionalIntArray(params, 'TemplateIdSet') ?? [];
  if (ids.length > 100) throw invalidParameterValue('TemplateIdSet', ids.length, 'at most 100 ids');
  assertEnterprise(ctx, 'DescribeSmsTemplateList');
  if (ids.length === 0 && store.modeOf(account.secretId).subAccount) {
    throw new TencentError(
      'FailedOperation.ProhibitSubAccountUse',
      'Listing all templates is only available to the main account; sub-accounts must name the TemplateIdSet.',
    );
  }
  const own = [...store.templates.values()]
    .filter((t) => t.owner === account.secretId && t.international === international)
    .sort((a, b) => a.templateId - b.templateId);
  if (ids.length > 0) {
    // Unknown ids are simply absent from the answer.
    return { DescribeTemplateStatusSet: own.filter((t) => ids.includes(t.templateId)).map(toStatus) };
  }
  // Limit/Offset apply (and Limit is needed) only when TemplateIdSet is empty.
  const limit = requireInt(params, 'Limit', { min: 1, max: 100 });
  const offset = optionalInt(params, 'Offset', { min: 0 }) ?? 0;
  return { DescribeTemplateStatusSet: own.slice(offset, offset + limit).map(toStatus) };
};

function readDraft(params: Params) {
  const templateName = requireString(params, 'TemplateName');
  if (templateName.trim() === '')
    throw invalidParameterValue('TemplateName', templateName, 'must not be empty');
  const templateContent = requireString(params, 'TemplateContent');
  if (templateContent.trim() === '') {
    throw invalidParameterValue('TemplateContent', templateContent, 'must not be empty');
  }
  const smsType = requireInt(params, 'SmsType');
  if (![1, 2, 3].includes(smsType)) {
    throw invalidParameterValue(
      'SmsType',
      smsType,
      'must be 1 (marketing), 2 (notification) or 3 (verification code)',
    );
  }
  const international = requireInternational(params);
  const remark = requireString(params, 'Remark');
  return { templateName, templateContent, smsType, international, remark };
}

export const addSmsTemplate: ActionHandler = (ctx) => {
  const { store, account, params } = ctx;
  assertEnterprise(ctx, 'AddSmsTemplate');
  const t = store.addTemplate({ ...readDraft(params), owner: account.secretId });
  return { AddTemplateStatus: { TemplateId: String(t.templateId) } };
};

export const modifySmsTemplate: ActionHandler = (ctx) => {
  const { store, account, params } = ctx;
  assertEnterprise(ctx, 'ModifySmsTemplate');
  const templateId = requireInt(params, 'TemplateId');
  const draft = readDraft(params);
  const t = store.templateOf(account.secretId, templateId);
  if (!t) {
    throw new TencentError(
      'FailedOperation.MissingTemplateToModify',
      `Template \`${templateId}\` does not exist.`,
    );
  }
  if (t.statusCode === 0 || t.statusCode === 2) {
    throw new TencentError(
      'FailedOperation.TemplateAlreadyPassedCheck',
      `Template \`${templateId}\` has already been approved and can no longer be modified.`,
    );
  }
  if (draft.international !== t.international) {
    throw invalidParameterValue(
      'International',
      draft.international,
      'must match the template being modified',
    );
  }
  store.modifyTemplate(t, draft);
  return { ModifyTemplateStatus: { TemplateId: t.templateId } };
};

export const deleteSmsTemplate: ActionHandler = (ctx) => {
  const { store, account, params } = ctx;
  assertEnterprise(ctx, 'DeleteSmsTemplate');
  const templateId = requireInt(params, 'TemplateId');
  if (!store.templateOf(account.secretId, templateId)) {
    throw new TencentError(
      'FailedOperation.MissingTemplateToModify',
      `Template \`${templateId}\` does not exist.`,
    );
  }
  store.templates.delete(templateId);
  return {
    DeleteTemplateStatus: { DeleteStatus: 'return successfully', DeleteTime: Math.floor(store.now() / 1000) },
  };
};
