import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAccount, seededSignIds, seededTemplateIds, type TencentSmsEmulator } from '../src/index.ts';
import { sdkError, type SmsClient, smsClient, startEmulator } from './helpers.ts';

const draft = (overrides: Record<string, unknown> = {}) => ({
  TemplateName: 'New code',
  TemplateContent: 'Your new code is {1}.',
  SmsType: 3,
  International: 0,
  Remark: 'for tests',
  ...overrides,
});

const statusOf = async (client: SmsClient, id: number | string, International = 0) =>
  (await client.DescribeSmsTemplateList({ International, TemplateIdSet: [Number(id)] }))
    .DescribeTemplateStatusSet?.[0];

describe('template actions against the seeded account', () => {
  let emu: TencentSmsEmulator;
  let client: SmsClient;
  beforeAll(async () => {
    ({ emu, client } = await startEmulator({ reviewDelayMs: null }));
  });
  afterAll(() => emu.close());

  it('DescribeSmsTemplateList lists the seeded templates with their status, paginated', async () => {
    const res = await client.DescribeSmsTemplateList({ International: 0, Limit: 100, Offset: 0 });
    const byId = new Map(res.DescribeTemplateStatusSet?.map((t) => [String(t.TemplateId), t]));
    expect(byId.get(seededTemplateIds.signIn)).toMatchObject({
      TemplateId: 100001,
      International: 0,
      StatusCode: 0,
      TemplateName: 'SignIn code',
      TemplateContent: 'Your sign-in code is {1}. It expires in 10 minutes.',
      CreateTime: expect.any(Number),
    });
    expect(byId.get(seededTemplateIds.underReview)?.StatusCode).toBe(1);
    expect(byId.get(seededTemplateIds.rejected)).toMatchObject({
      StatusCode: -1,
      ReviewReply: expect.stringMatching(/.+/),
    });
    const page = await client.DescribeSmsTemplateList({ International: 0, Limit: 2, Offset: 1 });
    expect(page.DescribeTemplateStatusSet?.map((t) => t.TemplateId)).toEqual([100002, 100003]);
    const intl = await client.DescribeSmsTemplateList({ International: 1, Limit: 10 });
    expect(intl.DescribeTemplateStatusSet).toEqual([]);
    expect((await sdkError(client.DescribeSmsTemplateList({ International: 0 }))).code).toBe(
      'MissingParameter',
    );
    expect((await sdkError(client.DescribeSmsTemplateList({ International: 0, Limit: 101 }))).code).toBe(
      'InvalidParameterValue',
    );
  });

  it('AddSmsTemplate returns a string id from 100100 up and the template is under review', async () => {
    const res = await client.AddSmsTemplate(draft());
    expect(res.AddTemplateStatus?.TemplateId).toBe('100100');
    expect(await statusOf(client, 100100)).toMatchObject({ StatusCode: 1, TemplateName: 'New code' });
    const second = await client.AddSmsTemplate(draft({ TemplateName: 'Second' }));
    expect(second.AddTemplateStatus?.TemplateId).toBe('100101');
    expect((await sdkError(client.AddSmsTemplate(draft({ SmsType: 7 })))).code).toBe('InvalidParameterValue');
    const missing = await sdkError(client.AddSmsTemplate(draft({ TemplateContent: undefined })));
    expect(missing).toMatchObject({
      code: 'MissingParameter',
      message: expect.stringContaining('TemplateContent'),
    });
  });

  it('ModifySmsTemplate: allowed under review or rejected, not once approved, unknown → MissingTemplateToModify', async () => {
    const rejected = await client.ModifySmsTemplate({
      ...draft({ TemplateContent: 'Fixed code {1}' }),
      TemplateId: 100006,
    });
    expect(rejected.ModifyTemplateStatus?.TemplateId).toBe(100006);
    expect(await statusOf(client, 100006)).toMatchObject({
      StatusCode: 1,
      TemplateContent: 'Fixed code {1}',
      ReviewReply: '',
    });
    const approved = await sdkError(client.ModifySmsTemplate({ ...draft(), TemplateId: 100001 }));
    expect(approved.code).toBe('FailedOperation.TemplateAlreadyPassedCheck');
    expect((await statusOf(client, 100001))?.TemplateContent).toContain('sign-in');
    expect((await sdkError(client.ModifySmsTemplate({ ...draft(), TemplateId: 123 }))).code).toBe(
      'FailedOperation.MissingTemplateToModify',
    );
    // Templates of another account are invisible: same answer as a missing one.
    expect((await sdkError(client.ModifySmsTemplate({ ...draft(), TemplateId: 100050 }))).code).toBe(
      'FailedOperation.MissingTemplateToModify',
    );
  });

  it('DeleteSmsTemplate removes a template; deleting it again fails', async () => {
    const { AddTemplateStatus } = await client.AddSmsTemplate(draft({ TemplateName: 'To delete' }));
    const id = Number(AddTemplateStatus?.TemplateId);
    const res = await client.DeleteSmsTemplate({ TemplateId: id });
    expect(res.DeleteTemplateStatus).toMatchObject({
      DeleteStatus: 'return successfully',
      DeleteTime: expect.any(Number),
    });
    expect(await statusOf(client, id)).toBeUndefined();
    expect((await sdkError(client.DeleteSmsTemplate({ TemplateId: id }))).code).toBe(
      'FailedOperation.MissingTemplateToModify',
    );
  });

  it('DescribeSmsSignList lists the account signs, filtered by SignIdSet', async () => {
    const all = await client.DescribeSmsSignList({ International: 0 });
    expect(all.DescribeSignListStatusSet?.map((s) => [s.SignId, s.SignName, s.StatusCode])).toEqual([
      [seededSignIds.approved, devAccount.signName, 0],
      [seededSignIds.underReview, 'smsdesk审核中', 1],
    ]);
    const one = await client.DescribeSmsSignList({ International: 0, SignIdSet: [seededSignIds.approved] });
    expect(one.DescribeSignListStatusSet).toHaveLength(1);
    expect(one.DescribeSignListStatusSet?.[0]).toMatchObject({
      International: 0,
      ReviewReply: '',
      CreateTime: expect.any(Number),
    });
    expect((await sdkError(client.DescribeSmsSignList({} as never))).code).toBe('MissingParameter');
  });
});

describe('template review', () => {
  it('approves a new template once reviewDelayMs has passed on the emulator clock, then SendSms works', async () => {
    let now = 1_800_000_000_000;
    const { emu, client } = await startEmulator({ now: () => now, reviewDelayMs: 5000 });
    try {
      const id = (await client.AddSmsTemplate(draft())).AddTemplateStatus!.TemplateId;
      now += 4999;
      expect((await statusOf(client, id))?.StatusCode).toBe(1);
      now += 1;
      expect(await statusOf(client, id)).toMatchObject({ StatusCode: 0, ReviewReply: '' });
      const sent = await client.SendSms({
        PhoneNumberSet: ['13800138000'],
        SmsSdkAppId: devAccount.sdkAppId,
        TemplateId: id,
        SignName: devAccount.signName,
        TemplateParamSet: ['4321'],
      });
      expect(sent.SendStatusSet?.[0]?.Code).toBe('Ok');
      // A modified (rejected) template goes back to review and is decided again after the delay.
      await client.ModifySmsTemplate({ ...draft({ TemplateContent: 'Code {1} again' }), TemplateId: 100006 });
      expect((await statusOf(client, 100006))?.StatusCode).toBe(1);
      now += 5000;
      expect((await statusOf(client, 100006))?.StatusCode).toBe(0);
    } finally {
      await emu.close();
    }
  });

  it('rejects by the rules with a ReviewReply (reviewDelayMs 0 decides on the next read)', async () => {
    const { emu, client } = await startEmulator({ reviewDelayMs: 0 });
    try {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ TemplateContent: 'Welcome aboard' }, /variable/],
        [{ TemplateContent: '【smsdesk】Your code is {1}' }, /【/],
        [{ TemplateContent: 'Your PIN is {1}', International: 1 }, /code/],
      ];
      for (const [overrides, reply] of cases) {
        const id = (await client.AddSmsTemplate(draft(overrides))).AddTemplateStatus!.TemplateId;
        const status = await statusOf(client, id, Number(overrides.International ?? 0));
        expect(status?.StatusCode).toBe(-1);
        expect(status?.ReviewReply).toMatch(reply);
      }
      const good = (
        await client.AddSmsTemplate(draft({ TemplateContent: 'Your code is {1}', International: 1 }))
      ).AddTemplateStatus!.TemplateId;
      expect((await statusOf(client, good, 1))?.StatusCode).toBe(0);
    } finally {
      await emu.close();
    }
  });

  it('with reviewDelayMs null templates stay under review until the control API decides', async () => {
    const { emu, client } = await startEmulator({ reviewDelayMs: null });
    try {
      const id = (await client.AddSmsTemplate(draft())).AddTemplateStatus!.TemplateId;
      await new Promise((r) => setTimeout(r, 20));
      expect((await statusOf(client, id))?.StatusCode).toBe(1);
      expect(emu.approveTemplate(id)?.statusCode).toBe(0);
      expect((await statusOf(client, id))?.StatusCode).toBe(0);
    } finally {
      await emu.close();
    }
  });

  it('the default delay keeps a fresh template under review', async () => {
    const { emu, client: c } = await startEmulator();
    try {
      const id = (await c.AddSmsTemplate(draft())).AddTemplateStatus!.TemplateId;
      expect((await statusOf(smsClient(emu.endpoint), id))?.StatusCode).toBe(1);
    } finally {
      await emu.close();
    }
  });
});
