import { devAccount, seededSignIds, seededTemplateIds } from '@smsdesk/tencent-sms-emulator';
import { describe, expect, it } from 'vitest';
import { guidanceFor } from '../../src/tencent/errors.ts';
import { createSdkGateway } from '../../src/tencent/sdk-gateway.ts';
import { requestsOf } from '../helpers/emulator.ts';
import { closedPort, creds, useEmulatorGateway } from './harness.ts';

const ctx = useEmulatorGateway(5000);

const template = {
  name: 'smsdesk test',
  content: 'Your code is {1}.',
  smsType: 3 as const,
  international: false,
};

describe('templates', () => {
  it('lists the seeded mainland templates in smsdesk words', async () => {
    const templates = await ctx.gateway.listTemplates(creds, { international: false });
    const byId = new Map(templates.map((t) => [t.templateId, t]));
    for (const id of Object.values(seededTemplateIds)) expect(byId.has(id)).toBe(true);
    expect(byId.get(seededTemplateIds.signIn)).toMatchObject({
      name: expect.any(String),
      content: 'Your sign-in code is {1}. It expires in 10 minutes.',
      status: 'approved',
      statusCode: 0,
      reviewReply: null,
      international: false,
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(byId.get(seededTemplateIds.underReview)).toMatchObject({ status: 'reviewing', statusCode: 1 });
    const rejected = byId.get(seededTemplateIds.rejected);
    expect(rejected).toMatchObject({ status: 'rejected', statusCode: -1 });
    expect(rejected?.reviewReply).toEqual(expect.any(String));
    // The other account's template never shows up.
    expect(byId.has('100050')).toBe(false);
  });

  it('lists only the asked ids, ignoring ids that cannot exist', async () => {
    const templates = await ctx.gateway.listTemplates(creds, {
      international: false,
      templateIds: [seededTemplateIds.generic, seededTemplateIds.twoVariables, 'not-a-number'],
    });
    expect(templates.map((t) => t.templateId).sort()).toEqual([
      seededTemplateIds.generic,
      seededTemplateIds.twoVariables,
    ]);
    expect(await ctx.gateway.listTemplates(creds, { international: false, templateIds: [] })).toEqual([]);
  });

  it('walks every page with Limit/Offset', async () => {
    const small = createSdkGateway({ endpoint: ctx.emu.url, timeoutMs: 5000, pageSize: 3 });
    for (let i = 0; i < 4; i++) await small.addTemplate(creds, { ...template, name: `paged ${i}` });
    const before = (await requestsOf(ctx.emu, 'DescribeSmsTemplateList')).length;
    const all = await small.listTemplates(creds, { international: false });
    expect(all).toHaveLength(7 + 4);
    expect(new Set(all.map((t) => t.templateId)).size).toBe(11);
    const calls = (await requestsOf(ctx.emu, 'DescribeSmsTemplateList')).slice(before);
    expect(calls.map((c) => [c.params.Limit, c.params.Offset])).toEqual([
      [3, 0],
      [3, 3],
      [3, 6],
      [3, 9],
    ]);
  });

  it('lists more than 100 templates with the default page size', async () => {
    for (let i = 0; i < 101; i++) await ctx.gateway.addTemplate(creds, { ...template, name: `bulk ${i}` });
    const all = await ctx.gateway.listTemplates(creds, { international: false });
    expect(all).toHaveLength(108);
    const calls = await requestsOf(ctx.emu, 'DescribeSmsTemplateList');
    expect(calls.map((c) => c.params.Offset)).toEqual([0, 100]);
  });

  it('adds, modifies and deletes a template', async () => {
    const { templateId } = await ctx.gateway.addTemplate(creds, { ...template, remark: 'for the test' });
    expect(templateId).toMatch(/^\d+$/);
    expect(Number(templateId)).toBeGreaterThanOrEqual(100100);
    const [added] = await ctx.gateway.listTemplates(creds, {
      international: false,
      templateIds: [templateId],
    });
    expect(added).toMatchObject({ name: 'smsdesk test', content: 'Your code is {1}.', status: 'reviewing' });

    await ctx.gateway.modifyTemplate(creds, templateId, {
      ...template,
      content: 'Your smsdesk code is {1}.',
    });
    const [modified] = await ctx.gateway.listTemplates(creds, {
      international: false,
      templateIds: [templateId],
    });
    expect(modified?.content).toBe('Your smsdesk code is {1}.');

    await ctx.gateway.deleteTemplate(creds, templateId);
    expect(
      await ctx.gateway.listTemplates(creds, { international: false, templateIds: [templateId] }),
    ).toEqual([]);
  });

  it('lists international templates separately', async () => {
    const { templateId } = await ctx.gateway.addTemplate(creds, {
      name: 'intl',
      content: 'Your code is {1}',
      smsType: 3,
      international: true,
    });
    const intl = await ctx.gateway.listTemplates(creds, { international: true });
    expect(intl.map((t) => t.templateId)).toEqual([templateId]);
    expect(intl[0]?.international).toBe(true);
  });
});

describe('signs', () => {
  it('lists all signs without ids (SignIdSet is optional, paged like templates)', async () => {
    const signs = await ctx.gateway.listSigns(creds, { international: false });
    const byName = new Map(signs.map((s) => [s.signName, s]));
    expect(byName.get('smsdesk')).toMatchObject({
      signId: String(seededSignIds.approved),
      status: 'approved',
      statusCode: 0,
    });
    expect(byName.get('smsdesk审核中')).toMatchObject({
      signId: String(seededSignIds.underReview),
      status: 'reviewing',
    });
    expect(byName.has('othersign')).toBe(false);
    const calls = await requestsOf(ctx.emu, 'DescribeSmsSignList');
    expect(calls[0]?.params).toMatchObject({ International: 0, Limit: 100, Offset: 0 });
    expect(calls[0]?.params.SignIdSet).toBeUndefined();
  });

  it('lists signs by id', async () => {
    const signs = await ctx.gateway.listSigns(creds, {
      international: false,
      signIds: [String(seededSignIds.underReview)],
    });
    expect(signs.map((s) => s.signName)).toEqual(['smsdesk审核中']);
  });
});

describe('sendSms', () => {
  it('sends, and reports per-number failures as statuses instead of throwing', async () => {
    const result = await ctx.gateway.sendSms(creds, {
      sdkAppId: devAccount.sdkAppId,
      signName: devAccount.signName,
      templateId: seededTemplateIds.signIn,
      params: ['123456'],
      phoneNumbers: ['8613800138000', '12'],
      sessionContext: 'test-send',
    });
    expect(result.requestId).not.toBe('');
    expect(result.statuses).toHaveLength(2);
    const [ok, bad] = result.statuses;
    // Tencent echoes the number as sent.
    expect(ok).toMatchObject({ phoneNumber: '8613800138000', code: 'Ok', fee: 1, isoCode: 'CN' });
    expect(ok?.serialNo).toEqual(expect.any(String));
    expect(bad).toMatchObject({ code: 'InvalidParameterValue.IncorrectPhoneNumber', fee: 0 });
    expect(ctx.emu.messages('+8613800138000')[0]?.text).toContain('123456');
  });

  it('returns an unapproved template as a status code that guidanceFor explains', async () => {
    const result = await ctx.gateway.sendSms(creds, {
      sdkAppId: devAccount.sdkAppId,
      signName: devAccount.signName,
      templateId: seededTemplateIds.underReview,
      params: ['123456'],
      phoneNumbers: ['+8613800138000'],
    });
    const status = result.statuses[0];
    expect(status?.code).toBe('FailedOperation.TemplateUnapprovedOrNotExist');
    const guidance = guidanceFor(status?.code ?? '', { templateId: seededTemplateIds.underReview });
    expect(guidance.message).toContain('Template 100005');
    expect(ctx.emu.messages()).toHaveLength(0);
  });
});

describe('pullDeliveryReports', () => {
  it('hands each report out once', async () => {
    const sent = await ctx.gateway.sendSms(creds, {
      sdkAppId: devAccount.sdkAppId,
      signName: devAccount.signName,
      templateId: seededTemplateIds.generic,
      params: ['654321'],
      phoneNumbers: ['+8613800138001', '+8613800138002'],
    });
    const serials = sent.statuses.map((s) => s.serialNo);
    const first = await ctx.gateway.pullDeliveryReports(creds, { sdkAppId: devAccount.sdkAppId, limit: 1 });
    expect(first).toHaveLength(1);
    const rest = await ctx.gateway.pullDeliveryReports(creds, { sdkAppId: devAccount.sdkAppId });
    const reports = [...first, ...rest];
    expect(reports.map((r) => r.serialNo).sort()).toEqual([...serials].sort());
    expect(reports[0]).toMatchObject({ status: 'delivered', description: expect.any(String) });
    expect(reports[0]?.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await ctx.gateway.pullDeliveryReports(creds, { sdkAppId: devAccount.sdkAppId })).toEqual([]);
  });
});

describe('proxy', () => {
  it('does not route a loopback endpoint through http_proxy', async () => {
    const saved = process.env.http_proxy;
    process.env.http_proxy = `http://127.0.0.1:${await closedPort()}`;
    try {
      const fresh = createSdkGateway({ endpoint: ctx.emu.url, timeoutMs: 5000 });
      const signs = await fresh.listSigns(creds, { international: false });
      expect(signs.length).toBeGreaterThan(0);
    } finally {
      if (saved === undefined) delete process.env.http_proxy;
      else process.env.http_proxy = saved;
    }
  });
});
