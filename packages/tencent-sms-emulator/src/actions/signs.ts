import { optionalInt, optionalIntArray, requireInternational } from '../params.ts';
import { type ActionHandler, assertEnterprise } from './context.ts';

export const describeSmsSignList: ActionHandler = (ctx) => {
  const { store, account, params } = ctx;
  const international = requireInternational(params);
  assertEnterprise(ctx, 'DescribeSmsSignList');
  const ids = optionalIntArray(params, 'SignIdSet') ?? [];
  const limit = optionalInt(params, 'Limit', { min: 1, max: 100 }) ?? 100;
  const offset = optionalInt(params, 'Offset', { min: 0 }) ?? 0;
  const own = store.signs
    .filter((s) => s.owner === account.secretId && s.international === international)
    .filter((s) => ids.length === 0 || ids.includes(s.signId))
    .sort((a, b) => a.signId - b.signId);
  return {
    DescribeSignListStatusSet: own.slice(offset, offset + limit).map((s) => ({
      SignId: s.signId,
      International: s.international,
      StatusCode: s.statusCode,
      ReviewReply: s.reviewReply,
      SignName: s.signName,
      CreateTime: s.createTime,
      QualificationId: 0,
      QualificationName: '',
      QualificationStatusCode: 0,
    })),
  };
};
