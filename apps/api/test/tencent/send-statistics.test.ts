import { devAccount, otherAccount, seededTemplateIds } from '@smsdesk/tencent-sms-emulator';
import { describe, expect, it } from 'vitest';
import { chinaHour } from '../../src/tencent/sdk-mappers.ts';
import { injectFault, requestsOf } from '../helpers/emulator.ts';
import { creds, useEmulatorGateway } from './harness.ts';

const ctx = useEmulatorGateway(2000);

describe('sendStatistics (the SDK app id probe)', () => {
  it('writes hours as yyyymmddhh in China time', () => {
    expect(chinaHour(new Date('2025-03-01T02:30:00Z'))).toBe('2025030110');
    expect(chinaHour(new Date('2025-12-31T16:00:00Z'))).toBe('2026010100');
  });

  it("counts this hour's accepted messages of the connector's own app, sending nothing", async () => {
    expect(await ctx.gateway.sendStatistics(creds, { sdkAppId: devAccount.sdkAppId })).toEqual({
      feeCount: 0,
      requestCount: 0,
      requestSuccessCount: 0,
    });
    await ctx.gateway.sendSms(creds, {
      sdkAppId: devAccount.sdkAppId,
      signName: devAccount.signName,
      templateId: seededTemplateIds.signIn,
      params: ['123456'],
      phoneNumbers: ['8613800138000'],
    });
    const after = await ctx.gateway.sendStatistics(creds, { sdkAppId: devAccount.sdkAppId });
    expect(after.requestSuccessCount).toBe(1);
    const [call] = await requestsOf(ctx.emu, 'SendStatusStatistics');
    expect(call?.params).toMatchObject({ Limit: 0, Offset: 0, SmsSdkAppId: devAccount.sdkAppId });
    const hours = [chinaHour(new Date(Date.now() - 60_000)), chinaHour(new Date())];
    expect(hours).toContain(call?.params.BeginTime);
    expect(call?.params.EndTime).toBe(call?.params.BeginTime);
    expect(ctx.emu.messages()).toHaveLength(1);
  });

  it('refuses an app of another account and an app of nobody with their Tencent codes', async () => {
    await expect(
      ctx.gateway.sendStatistics(creds, { sdkAppId: otherAccount.sdkAppId }),
    ).rejects.toMatchObject({
      code: 'TENCENT_AUTH_FAILED',
      details: { tencentCode: 'UnauthorizedOperation.SmsSdkAppIdVerifyFail' },
    });
    await expect(ctx.gateway.sendStatistics(creds, { sdkAppId: '1400999999' })).rejects.toMatchObject({
      code: 'TENCENT_AUTH_FAILED',
      details: { tencentCode: 'InvalidParameterValue.SdkAppIdNotExist' },
    });
  });

  it('maps a Tencent fault to the usual AppError', async () => {
    await injectFault(ctx.emu, {
      kind: 'error',
      action: 'SendStatusStatistics',
      code: 'InternalError.Timeout',
    });
    await expect(ctx.gateway.sendStatistics(creds, { sdkAppId: devAccount.sdkAppId })).rejects.toMatchObject({
      code: 'TENCENT_UNAVAILABLE',
    });
  });
});
