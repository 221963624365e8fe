import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devAccount, otherAccount, seededTemplateIds, type TencentSmsEmulator } from '../src/index.ts';
import { getJson, sdkError, type SmsClient, startEmulator } from './helpers.ts';

let emu: TencentSmsEmulator;
let client: SmsClient;

beforeAll(async () => {
  ({ emu, client } = await startEmulator());
});
beforeEach(() => emu.reset());
afterAll(() => emu.close());

const send = (overrides: Record<string, unknown> = {}) =>
  client.SendSms({
    PhoneNumberSet: ['8613800138000'],
    SmsSdkAppId: devAccount.sdkAppId,
    TemplateId: seededTemplateIds.signIn,
    SignName: devAccount.signName,
    TemplateParamSet: ['123456'],
    ...overrides,
  });

const only = async (overrides: Record<string, unknown> = {}) => {
  const res = await send(overrides);
  expect(res.SendStatusSet).toHaveLength(1);
  return res.SendStatusSet![0]!;
};

describe('SendSms', () => {
  it('sends with an approved template: Ok, fee 1, rendered text in /__emulator/messages', async () => {
    const status = await only({ SessionContext: 'ctx-1' });
    expect(status).toMatchObject({
      Code: 'Ok',
      Message: 'send success',
      Fee: 1,
      // Echoed as sent: Logto's digits without a plus stay so.
      PhoneNumber: '8613800138000',
      IsoCode: 'CN',
      SessionContext: 'ctx-1',
    });
    expect(status.SerialNo).toMatch(/^\d+:[0-9a-f]+$/);
    const { messages } = await getJson<{ messages: Record<string, unknown>[] }>(
      `${emu.url}/__emulator/messages?phone=13800138000`,
    );
    expect(messages).toEqual([
      expect.objectContaining({
        phoneNumber: '8613800138000',
        e164: '+8613800138000',
        text: '【smsdesk】Your sign-in code is 123456. It expires in 10 minutes.',
        signName: 'smsdesk',
        templateId: seededTemplateIds.signIn,
        params: ['123456'],
        serialNo: status.SerialNo,
        sdkAppId: devAccount.sdkAppId,
      }),
    ]);
  });

  it('accepts every mainland spelling and reports a bad number per number without failing the others', async () => {
    const res = await send({ PhoneNumberSet: ['+8613800138001', '008613800138002', '13800138003', '12345'] });
    expect(res.SendStatusSet?.map((s) => s.Code)).toEqual([
      'Ok',
      'Ok',
      'Ok',
      'InvalidParameterValue.IncorrectPhoneNumber',
    ]);
    expect(res.SendStatusSet?.[3]).toMatchObject({ PhoneNumber: '12345', Fee: 0, SerialNo: '' });
    expect(emu.messages()).toHaveLength(3);
  });

  it('sends to international E.164 numbers without a signature in the text', async () => {
    const intl = await emu.store.addTemplate({
      owner: devAccount.secretId,
      templateName: 'Intl code',
      templateContent: 'Your code is {1}',
      smsType: 3,
      international: 1,
      remark: '',
    });
    emu.approveTemplate(intl.templateId);
    const status = await only({
      PhoneNumberSet: ['+6591234567'],
      TemplateId: String(intl.templateId),
      SignName: undefined,
    });
    expect(status).toMatchObject({ Code: 'Ok', IsoCode: 'SG', PhoneNumber: '+6591234567' });
    expect(emu.messages('+6591234567')[0]?.text).toBe('Your code is 123456');
  });

  it('under-review, rejected, unknown and foreign templates → per number TemplateUnapprovedOrNotExist', async () => {
    for (const TemplateId of [
      seededTemplateIds.underReview,
      seededTemplateIds.rejected,
      '999999',
      '100050',
    ]) {
      const status = await only({ TemplateId });
      expect(status.Code).toBe('FailedOperation.TemplateUnapprovedOrNotExist');
      expect(status.Fee).toBe(0);
    }
    expect(emu.messages()).toHaveLength(0);
  });

  it('approved but not yet in effect (StatusCode 2) → TemplateIncorrectOrUnapproved', async () => {
    emu.store.templates.get(Number(seededTemplateIds.signIn))!.statusCode = 2;
    expect((await only()).Code).toBe('FailedOperation.TemplateIncorrectOrUnapproved');
  });

  it('a template on the other side of the number: ChineseMainlandTemplateToGlobalPhone / GlobalTemplateToChineseMainlandPhone', async () => {
    expect((await only({ PhoneNumberSet: ['+6591234567'] })).Code).toBe(
      'UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone',
    );
    const intl = emu.store.addTemplate({
      owner: devAccount.secretId,
      templateName: 'Intl code',
      templateContent: 'Your code is {1}',
      smsType: 3,
      international: 1,
      remark: '',
    });
    emu.approveTemplate(intl.templateId);
    // Logto's "+14155550100" arrives as 14155550100: 11 digits starting with 1, a mainland number.
    for (const PhoneNumberSet of [['8613800138000'], ['14155550100']]) {
      expect((await only({ PhoneNumberSet, TemplateId: String(intl.templateId) })).Code).toBe(
        'UnsupportedOperation.GlobalTemplateToChineseMainlandPhone',
      );
    }
  });

  it('wrong parameter count → TemplateParamSetNotMatchApprovedTemplate naming the mismatch (Logto code + ui_locales)', async () => {
    const status = await only({ TemplateParamSet: ['123456', 'fr en'] });
    expect(status.Code).toBe('FailedOperation.TemplateParamSetNotMatchApprovedTemplate');
    expect(status.Message).toMatch(/1 variable.*has 2/);
    expect(
      (await only({ TemplateId: seededTemplateIds.twoVariables, TemplateParamSet: ['1234'] })).Code,
    ).toBe('FailedOperation.TemplateParamSetNotMatchApprovedTemplate');
    // A two-variable verification template refuses a locale as a value.
    expect(
      (await only({ TemplateId: seededTemplateIds.twoVariables, TemplateParamSet: ['1234', 'fr en'] })).Code,
    ).toBe('InvalidParameterValue.TemplateParameterFormatError');
    const two = await only({ TemplateId: seededTemplateIds.twoVariables, TemplateParamSet: ['1234', '10'] });
    expect(two.Code).toBe('Ok');
    expect(emu.messages()[0]?.text).toBe('【smsdesk】Your code is 1234, valid for 10 minutes.');
  });

  it('verification-code parameters must be 0–6 digits', async () => {
    for (const code of ['12a456', '1234567']) {
      expect((await only({ TemplateParamSet: [code], PhoneNumberSet: ['13800138009'] })).Code).toBe(
        'InvalidParameterValue.TemplateParameterFormatError',
      );
    }
    expect((await only({ TemplateParamSet: ['000000'] })).Code).toBe('Ok');
  });

  it('missing, unknown or unapproved sign for mainland → SignatureIncorrectOrUnapproved', async () => {
    for (const SignName of [undefined, 'nosuchsign', 'smsdesk审核中', otherAccount.signName]) {
      expect((await only({ SignName })).Code).toBe('FailedOperation.SignatureIncorrectOrUnapproved');
    }
  });

  it('top-level errors: empty set, >200 numbers, mixed regions, foreign and unknown SdkAppId', async () => {
    expect((await sdkError(send({ PhoneNumberSet: [] }))).code).toBe('MissingParameter.EmptyPhoneNumberSet');
    const many = Array.from({ length: 201 }, (_, i) => `138${String(i).padStart(8, '0')}`);
    expect((await sdkError(send({ PhoneNumberSet: many }))).code).toBe('LimitExceeded.PhoneNumberCountLimit');
    expect((await sdkError(send({ PhoneNumberSet: ['13800138000', '+6591234567'] }))).code).toBe(
      'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber',
    );
    expect((await sdkError(send({ SmsSdkAppId: otherAccount.sdkAppId }))).code).toBe(
      'UnauthorizedOperation.SmsSdkAppIdVerifyFail',
    );
    expect((await sdkError(send({ SmsSdkAppId: '1409999999' }))).code).toBe(
      'InvalidParameterValue.SdkAppIdNotExist',
    );
    const missing = await sdkError(send({ TemplateId: undefined }));
    expect(missing.code).toBe('MissingParameter');
    expect(missing.message).toContain('TemplateId');
    expect(emu.messages()).toHaveLength(0);
  });

  it('200 numbers is still allowed', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `139${String(i).padStart(8, '0')}`);
    const res = await send({ PhoneNumberSet: many });
    expect(res.SendStatusSet?.filter((s) => s.Code === 'Ok')).toHaveLength(200);
  });

  it('same content to one number within 30 s → PhoneNumberThirtySecondLimit; other content is fine', async () => {
    expect((await only()).Code).toBe('Ok');
    const again = await only();
    expect(again.Code).toBe('LimitExceeded.PhoneNumberThirtySecondLimit');
    expect(again.Fee).toBe(0);
    expect((await only({ TemplateParamSet: ['654321'] })).Code).toBe('Ok');
    expect((await only({ PhoneNumberSet: ['13800138111'] })).Code).toBe('Ok');
  });
});

describe('SendSms: numbers, parameters and account modes', () => {
  it('IsoCode DEF for an unknown country, an unsupported country → UnsuportedRegion (sic)', async () => {
    const intl = emu.store.addTemplate({
      owner: devAccount.secretId,
      templateName: 'Intl code',
      templateContent: 'Your code is {1}',
      smsType: 3,
      international: 1,
      remark: '',
    });
    emu.approveTemplate(intl.templateId);
    const TemplateId = String(intl.templateId);
    const unknown = await only({ PhoneNumberSet: ['+2341234567890'], TemplateId });
    expect(unknown).toMatchObject({ Code: 'Ok', IsoCode: 'DEF', PhoneNumber: '+2341234567890' });
    const kp = await only({ PhoneNumberSet: ['+85021234567'], TemplateId });
    expect(kp).toMatchObject({ Code: 'UnsupportedOperation.UnsuportedRegion', IsoCode: 'KP', Fee: 0 });
    emu.changeSettings({ unsupportedCountries: ['SG'] });
    expect((await only({ PhoneNumberSet: ['+6591234567'], TemplateId })).Code).toBe(
      'UnsupportedOperation.UnsuportedRegion',
    );
  });

  it('URLs and over-long content in parameters are refused', async () => {
    const notify = emu.store.addTemplate({
      owner: devAccount.secretId,
      templateName: 'Notice',
      templateContent: 'Hello {1}',
      smsType: 2,
      international: 0,
      remark: '',
    });
    emu.approveTemplate(notify.templateId);
    const TemplateId = String(notify.templateId);
    expect((await only({ TemplateId, TemplateParamSet: ['see https://x.example'] })).Code).toBe(
      'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter',
    );
    expect((await only({ TemplateId, TemplateParamSet: ['x'.repeat(600)] })).Code).toBe(
      'InvalidParameterValue.ContentLengthLimit',
    );
    emu.setAccountMode(devAccount.secretId, { verification: 'personal' });
    expect((await only({ TemplateId, TemplateParamSet: ['thirteen char'] })).Code).toBe(
      'InvalidParameterValue.TemplateParameterLengthLimit',
    );
  });

  it('SessionContext of 512 bytes or more is refused at the top level', async () => {
    expect((await sdkError(send({ SessionContext: 'x'.repeat(512) }))).code).toBe('InvalidParameterValue');
    expect((await only({ SessionContext: 'x'.repeat(511) })).Code).toBe('Ok');
  });

  it('blacklisted numbers, an empty SMS package, personal accounts sending international', async () => {
    emu.setAccountMode(devAccount.secretId, { blacklist: ['+8613800138000'], smsPackage: 1 });
    expect((await only()).Code).toBe('FailedOperation.PhoneNumberInBlacklist');
    expect((await only({ PhoneNumberSet: ['13800138001'] })).Code).toBe('Ok');
    expect((await only({ PhoneNumberSet: ['13800138002'] })).Code).toBe(
      'FailedOperation.InsufficientBalanceInSmsPackage',
    );
    emu.setAccountMode(devAccount.secretId, { verification: 'personal', smsPackage: null });
    expect((await sdkError(send({ PhoneNumberSet: ['+6591234567'] }))).code).toBe(
      'UnauthorizedOperation.RequestPermissionDeny',
    );
    emu.reset();
    expect(emu.accounts().find((a) => a.secretId === devAccount.secretId)?.mode.verification).toBe(
      'enterprise',
    );
  });
});

describe('SendSms frequency limits with a fake clock', () => {
  it('hourly and daily caps, reset by the next China day; limits: false disables them', async () => {
    let now = Date.UTC(2026, 0, 1, 1, 0, 0); // 09:00 in China
    const { emu: limited, client: c } = await startEmulator({
      now: () => now,
      limits: { hourly: 5, daily: 10 },
    });
    const sendCode = async (code: string) =>
      (
        await c.SendSms({
          PhoneNumberSet: ['+8613800138000'],
          SmsSdkAppId: devAccount.sdkAppId,
          TemplateId: seededTemplateIds.signIn,
          SignName: devAccount.signName,
          TemplateParamSet: [code],
        })
      ).SendStatusSet?.[0]?.Code;
    try {
      for (let i = 0; i < 5; i++) expect(await sendCode(`10000${i}`)).toBe('Ok');
      expect(await sendCode('100009')).toBe('LimitExceeded.PhoneNumberOneHourLimit');
      now += 3_601_000;
      for (let i = 0; i < 5; i++) expect(await sendCode(`20000${i}`)).toBe('Ok');
      now += 3_601_000;
      expect(await sendCode('300000')).toBe('LimitExceeded.PhoneNumberDailyLimit');
      now = Date.UTC(2026, 0, 1, 16, 0, 1); // 00:00:01 next day in China
      expect(await sendCode('400000')).toBe('Ok');
      expect(limited.messages('8613800138000')).toHaveLength(11);
    } finally {
      await limited.close();
    }

    const { emu: free, client: f } = await startEmulator({ limits: false });
    try {
      for (let i = 0; i < 12; i++) {
        const res = await f.SendSms({
          PhoneNumberSet: ['13800138000'],
          SmsSdkAppId: devAccount.sdkAppId,
          TemplateId: seededTemplateIds.generic,
          SignName: devAccount.signName,
          TemplateParamSet: ['000000'],
        });
        expect(res.SendStatusSet?.[0]?.Code).toBe('Ok');
      }
    } finally {
      await free.close();
    }
  });
});
