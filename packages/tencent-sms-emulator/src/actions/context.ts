import { TencentError } from '../envelope.ts';
import type { Params } from '../params.ts';
import type { Account, Store } from '../store.ts';

export interface ActionContext {
  store: Store;
  account: Account;
  params: Params;
  region: string;
}

/** Returns the `Response` fields of a successful call; throws TencentError for a top-level error. */
export type ActionHandler = (ctx: ActionContext) => Record<string, unknown>;

/**
 * An SdkAppId that exists but belongs to another account → UnauthorizedOperation.SmsSdkAppIdVerifyFail
 * (what Tencent answers for a mismatched key/app pair); one that exists nowhere → SdkAppIdNotExist.
 */
export function assertOwnSdkAppId(ctx: ActionContext, sdkAppId: string): void {
  const owner = ctx.store.sdkAppOwners.get(sdkAppId);
  if (owner === undefined) {
    throw new TencentError(
      'InvalidParameterValue.SdkAppIdNotExist',
      `SdkAppId \`${sdkAppId}\` does not exist.`,
    );
  }
  if (owner !== ctx.account.secretId) {
    throw new TencentError(
      'UnauthorizedOperation.SmsSdkAppIdVerifyFail',
      `SmsSdkAppId \`${sdkAppId}\` verification failed: it does not belong to this account.`,
    );
  }
}

/** Individually verified accounts cannot call the template and sign APIs (DOMAIN: account limits). */
export function assertEnterprise(ctx: ActionContext, action: string): void {
  if (ctx.store.modeOf(ctx.account.secretId).verification === 'personal') {
    throw new TencentError(
      'FailedOperation.NotEnterpriseCertification',
      `${action} is only available to enterprise-verified accounts; this account is individually verified.`,
    );
  }
}
