import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hourStart } from '../src/actions/statistics.ts';
import { devAccount, otherAccount, seededTemplateIds, type TencentSmsEmulator } from '../src/index.ts';
import { sdkError, type SmsClient, startEmulator } from './helpers.ts';

let emu: TencentSmsEmulator;
let client: SmsClient;
// The emulator's clock, fixed so the statistics window is exact: 2025-03-01 10:30 China time.
let now = Date.UTC(2025, 2, 1, 2, 30);

beforeAll(async () => {
  ({ emu, client } = await startEmulator({ now: () => now, limits: false }));
});
beforeEach(() => {
  emu.reset();
  now = Date.UTC(2025, 2, 1, 2, 30);
});
afterAll(() => emu.close());

const stats = (overrides: Record<string, unknown> = {}) =>
  client.SendStatusStatistics({
    SmsSdkAppId: devAccount.sdkAppId,
    BeginTime: '2025030110',
    EndTime: '2025030110',
    Limit: 0,
    Offset: 0,
    ...overrides,
  });

const send = () =>
  client.SendSms({
    PhoneNumberSet: ['8613800138000'],
    SmsSdkAppId: devAccount.sdkAppId,
    TemplateId: seededTemplateIds.signIn,
    SignName: devAccount.signName,
    TemplateParamSet: ['123456'],
  });

describe('SendStatusStatistics', () => {
  it('counts the accepted messages of the app within the hours, in China time', async () => {
    expect((await stats()).SendStatusStatistics).toEqual({
      FeeCount: 0,
      RequestCount: 0,
      RequestSuccessCount: 0,
    });
    await send();
    await send();
    now += 3600_000; // 11:30
    await send();
    expect((await stats()).SendStatusStatistics?.RequestSuccessCount).toBe(2);
    expect((await stats({ EndTime: '2025030111' })).SendStatusStatistics).toEqual({
      FeeCount: 3,
      RequestCount: 3,
      RequestSuccessCount: 3,
    });
    expect(
      (await stats({ BeginTime: '2025030111', EndTime: '2025030111' })).SendStatusStatistics?.FeeCount,
    ).toBe(1);
  });

  it('is a read: nothing is sent and no delivery report is consumed', async () => {
    await send();
    await stats();
    expect(emu.messages()).toHaveLength(1);
    const pulled = await client.PullSmsSendStatus({ Limit: 100, SmsSdkAppId: devAccount.sdkAppId });
    expect(pulled.PullSmsSendStatusSet).toHaveLength(1);
  });

  it('answers for an SdkAppId of another account or of nobody like SendSms does', async () => {
    expect((await sdkError(stats({ SmsSdkAppId: otherAccount.sdkAppId }))).code).toBe(
      'UnauthorizedOperation.SmsSdkAppIdVerifyFail',
    );
    expect((await sdkError(stats({ SmsSdkAppId: '1400999999' }))).code).toBe(
      'InvalidParameterValue.SdkAppIdNotExist',
    );
  });

  it('validates the hours and the fixed paging fields', async () => {
    expect((await sdkError(stats({ BeginTime: '20250301' }))).code).toBe('InvalidParameterValue');
    expect((await sdkError(stats({ BeginTime: '2025023110' }))).code).toBe('InvalidParameterValue');
    expect((await sdkError(stats({ BeginTime: '2025030111', EndTime: '2025030110' }))).code).toBe(
      'InvalidParameterValue',
    );
    expect((await sdkError(stats({ Limit: undefined }))).code).toBe('MissingParameter');
    expect((await sdkError(stats({ SmsSdkAppId: 1400000001 }))).code).toBe('InvalidParameter');
  });

  it('reads yyyymmddhh as an hour of China time', () => {
    expect(hourStart('2025030110')).toBe(Date.UTC(2025, 2, 1, 2));
    expect(hourStart('2025030124')).toBeNaN();
    expect(hourStart('2025-03-01')).toBeNaN();
  });
});
