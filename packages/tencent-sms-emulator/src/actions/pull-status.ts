import { TencentError } from '../envelope.ts';
import { requireInt, requireString } from '../params.ts';
import { type ActionHandler, assertOwnSdkAppId } from './context.ts';

export const pullSmsSendStatus: ActionHandler = (ctx) => {
  const limit = requireInt(ctx.params, 'Limit', { min: 1, max: 100 });
  const sdkAppId = requireString(ctx.params, 'SmsSdkAppId');
  assertOwnSdkAppId(ctx, sdkAppId);
  // Tencent enables status pull only on request; most accounts receive reports by callback.
  if (!ctx.store.modeOf(ctx.account.secretId).statusPull) {
    throw new TencentError(
      'UnauthorizedOperation.RequestPermissionDeny',
      'PullSmsSendStatus is not enabled for this account: ask Tencent support to enable it, or receive delivery reports by callback.',
    );
  }
  return { PullSmsSendStatusSet: ctx.store.pullReports(sdkAppId, limit) };
};
