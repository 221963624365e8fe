import { requireInt, requireString } from '../params.ts';
import { type ActionHandler, assertOwnSdkAppId } from './context.ts';

export const pullSmsSendStatus: ActionHandler = (ctx) => {
  const limit = requireInt(ctx.params, 'Limit', { min: 1, max: 100 });
  const sdkAppId = requireString(ctx.params, 'SmsSdkAppId');
  assertOwnSdkAppId(ctx, sdkAppId);
  return { PullSmsSendStatusSet: ctx.store.pullReports(sdkAppId, limit) };
};
