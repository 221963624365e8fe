import { devAccount, otherAccount, seededTemplateIds } from '@smsdesk/tencent-sms-emulator';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { createSdkGateway } from '../../src/tencent/sdk-gateway.ts';
import { injectFault, requestsOf } from '../helpers/emulator.ts';
import { closedPort, creds, startFlakyRelay, useEmulatorGateway } from './harness.ts';

const ctx = useEmulatorGateway(2000);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.statusCode).not.toBe(500);
    expect(appError.message).not.toContain(devAccount.secretKey);
    expect(JSON.stringify(appError.details)).not.toContain(devAccount.secretKey);
    return appError;
  }
  throw new Error('expected the call to fail');
}

const send = {
  sdkAppId: devAccount.sdkAppId,
  signName: devAccount.signName,
  templateId: seededTemplateIds.signIn,
  params: ['123456'],
  phoneNumbers: ['+8613800138000'],
};

describe('Tencent error replies', () => {
  it('maps a wrong secret key to TENCENT_AUTH_FAILED with the code, request id and fix', async () => {
    const err = await failure(
      ctx.gateway.listTemplates(
        { ...creds, secretKey: 'wrongwrongwrongwrongwrongwrong00' },
        { international: false },
      ),
    );
    expect(err.code).toBe('TENCENT_AUTH_FAILED');
    expect(err.statusCode).toBe(422);
    expect(err.details).toMatchObject({
      tencentCode: 'AuthFailure.SignatureFailure',
      requestId: expect.any(String),
      fix: expect.stringContaining('SecretKey'),
    });
    expect(err.message).not.toContain('wrongwrongwrongwrongwrongwrong00');
  });

  it('maps an unknown SecretId to TENCENT_AUTH_FAILED', async () => {
    const err = await failure(
      ctx.gateway.listSigns(
        { ...creds, secretId: 'AKIDUNKNOWN000000000000000000000000' },
        { international: false },
      ),
    );
    expect(err.code).toBe('TENCENT_AUTH_FAILED');
    expect(err.details).toMatchObject({ tencentCode: 'AuthFailure.SecretIdNotFound' });
  });

  it("maps another account's SDK app id to TENCENT_AUTH_FAILED", async () => {
    const err = await failure(ctx.gateway.sendSms(creds, { ...send, sdkAppId: otherAccount.sdkAppId }));
    expect(err.code).toBe('TENCENT_AUTH_FAILED');
    expect(err.details).toMatchObject({ tencentCode: 'UnauthorizedOperation.SmsSdkAppIdVerifyFail' });
  });

  it('maps an SDK app id that does not exist to TENCENT_AUTH_FAILED', async () => {
    const err = await failure(ctx.gateway.pullDeliveryReports(creds, { sdkAppId: '1400999999' }));
    expect(err.code).toBe('TENCENT_AUTH_FAILED');
    expect(err.details).toMatchObject({ tencentCode: 'InvalidParameterValue.SdkAppIdNotExist' });
  });

  it('maps modifying an approved template to TENCENT_REJECTED with guidance naming it', async () => {
    const err = await failure(
      ctx.gateway.modifyTemplate(creds, seededTemplateIds.signIn, {
        name: 'x',
        content: 'Code {1}',
        smsType: 3,
        international: false,
      }),
    );
    expect(err.code).toBe('TENCENT_REJECTED');
    expect(err.details).toMatchObject({ tencentCode: 'FailedOperation.TemplateAlreadyPassedCheck' });
    expect(err.message).toContain('Template 100001');
  });

  it('maps deleting an unknown template to TEMPLATE_NOT_FOUND', async () => {
    const err = await failure(ctx.gateway.deleteTemplate(creds, '999999'));
    expect(err.code).toBe('TEMPLATE_NOT_FOUND');
    expect(err.statusCode).toBe(404);
    expect(err.details).toMatchObject({ tencentCode: 'FailedOperation.MissingTemplateToModify' });
    // An id that cannot exist is refused the same way without asking Tencent.
    const before = (await requestsOf(ctx.emu, 'DeleteSmsTemplate')).length;
    expect((await failure(ctx.gateway.deleteTemplate(creds, 'abc'))).code).toBe('TEMPLATE_NOT_FOUND');
    expect(await requestsOf(ctx.emu, 'DeleteSmsTemplate')).toHaveLength(before);
  });

  it('maps request-level send errors (no numbers, mixed numbers) to TENCENT_REJECTED', async () => {
    const empty = await failure(ctx.gateway.sendSms(creds, { ...send, phoneNumbers: [] }));
    expect(empty.details).toMatchObject({ tencentCode: 'MissingParameter.EmptyPhoneNumberSet' });
    const mixed = await failure(
      ctx.gateway.sendSms(creds, { ...send, phoneNumbers: ['+8613800138000', '+14155550100'] }),
    );
    expect(mixed.code).toBe('TENCENT_REJECTED');
    expect(mixed.details).toMatchObject({
      tencentCode: 'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber',
    });
  });

  const injected: Array<[string, string, number]> = [
    ['AuthFailure.SignatureFailure', 'TENCENT_AUTH_FAILED', 422],
    ['AuthFailure.SignatureExpire', 'TENCENT_AUTH_FAILED', 422],
    ['AuthFailure.SecretIdNotFound', 'TENCENT_AUTH_FAILED', 422],
    ['AuthFailure.InvalidSecretId', 'TENCENT_AUTH_FAILED', 422],
    ['UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'TENCENT_AUTH_FAILED', 422],
    ['UnauthorizedOperation.SerivceSuspendDueToArrears', 'TENCENT_REJECTED', 422],
    ['InvalidParameterValue.SdkAppIdNotExist', 'TENCENT_AUTH_FAILED', 422],
    ['FailedOperation.MissingTemplateToModify', 'TEMPLATE_NOT_FOUND', 404],
    ['FailedOperation.TemplateAlreadyPassedCheck', 'TENCENT_REJECTED', 422],
    ['RequestLimitExceeded', 'TENCENT_RATE_LIMITED', 429],
    ['InternalError.ServerError', 'TENCENT_UNAVAILABLE', 502],
    ['InternalError.Timeout', 'TENCENT_UNAVAILABLE', 502],
    ['InvalidParameter', 'TENCENT_REJECTED', 422],
    ['MissingParameter.EmptyPhoneNumberSet', 'TENCENT_REJECTED', 422],
    ['LimitExceeded.PhoneNumberCountLimit', 'TENCENT_REJECTED', 422],
    ['UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber', 'TENCENT_REJECTED', 422],
  ];
  it.each(injected)('maps an injected %s to %s', async (code, smsdeskCode, status) => {
    await injectFault(ctx.emu, { kind: 'error', code, message: `injected ${code}` });
    const err = await failure(ctx.gateway.listSigns(creds, { international: false }));
    expect(err.code).toBe(smsdeskCode);
    expect(err.statusCode).toBe(status);
    expect(err.details).toMatchObject({ tencentCode: code, fix: expect.any(String) });
    expect(err.message).toContain(`injected ${code}`);
  });
});

describe('transport failures', () => {
  it('maps a reply slower than timeoutMs to TENCENT_TIMEOUT, without retrying', async () => {
    const quick = createSdkGateway({ endpoint: ctx.emu.url, timeoutMs: 300 });
    await injectFault(ctx.emu, { kind: 'delay', delayMs: 1500, count: 2 });
    const started = Date.now();
    const err = await failure(quick.listTemplates(creds, { international: false }));
    expect(err.code).toBe('TENCENT_TIMEOUT');
    expect(err.statusCode).toBe(504);
    expect(Date.now() - started).toBeLessThan(1200);
    expect(await requestsOf(ctx.emu, 'DescribeSmsTemplateList')).toHaveLength(1);
  });

  it('maps HTTP 500 to TENCENT_UNAVAILABLE', async () => {
    await injectFault(ctx.emu, { kind: 'http500' });
    const err = await failure(ctx.gateway.listTemplates(creds, { international: false }));
    expect(err.code).toBe('TENCENT_UNAVAILABLE');
    expect(err.statusCode).toBe(502);
  });

  it('maps a non-JSON reply to TENCENT_BAD_REPLY', async () => {
    await injectFault(ctx.emu, { kind: 'non_json' });
    const err = await failure(ctx.gateway.listSigns(creds, { international: false }));
    expect(err.code).toBe('TENCENT_BAD_REPLY');
    expect(err.statusCode).toBe(502);
    expect(err.details).toMatchObject({ fix: expect.stringContaining('TENCENT_SMS_ENDPOINT') });
  });

  it('maps a closed port to TENCENT_UNAVAILABLE', async () => {
    const dead = createSdkGateway({ endpoint: `http://127.0.0.1:${await closedPort()}`, timeoutMs: 2000 });
    const err = await failure(dead.listTemplates(creds, { international: false }));
    expect(err.code).toBe('TENCENT_UNAVAILABLE');
    expect(err.message).toMatch(/ECONNREFUSED/);
  });

  it('never retries sendSms, even on HTTP 500', async () => {
    await injectFault(ctx.emu, { kind: 'http500', count: 5 });
    const err = await failure(ctx.gateway.sendSms(creds, send));
    expect(err.code).toBe('TENCENT_UNAVAILABLE');
    const calls = await requestsOf(ctx.emu, 'SendSms');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.outcome).toBe('fault:http500');
  });

  it('does not retry a read on HTTP 500 or a Tencent error', async () => {
    await injectFault(ctx.emu, { kind: 'http500', count: 5 });
    await failure(ctx.gateway.listTemplates(creds, { international: false }));
    expect(await requestsOf(ctx.emu, 'DescribeSmsTemplateList')).toHaveLength(1);
  });

  it('retries a read once after a network error', async () => {
    const relay = await startFlakyRelay(ctx.emu.port, 1);
    try {
      const flaky = createSdkGateway({ endpoint: relay.url, timeoutMs: 2000 });
      const templates = await flaky.listTemplates(creds, { international: false });
      expect(templates.length).toBeGreaterThan(0);
      expect(relay.connections()).toBe(2);
      expect(await requestsOf(ctx.emu, 'DescribeSmsTemplateList')).toHaveLength(1);
    } finally {
      await relay.close();
    }
  });

  it('gives up on a read after a second network error', async () => {
    const relay = await startFlakyRelay(ctx.emu.port, 5);
    try {
      const flaky = createSdkGateway({ endpoint: relay.url, timeoutMs: 2000 });
      const err = await failure(flaky.pullDeliveryReports(creds, { sdkAppId: devAccount.sdkAppId }));
      expect(err.code).toBe('TENCENT_UNAVAILABLE');
      expect(relay.connections()).toBe(2);
    } finally {
      await relay.close();
    }
  });

  it('does not retry sendSms after a network error', async () => {
    const relay = await startFlakyRelay(ctx.emu.port, 1);
    try {
      const flaky = createSdkGateway({ endpoint: relay.url, timeoutMs: 2000 });
      const err = await failure(flaky.sendSms(creds, send));
      expect(err.code).toBe('TENCENT_UNAVAILABLE');
      expect(relay.connections()).toBe(1);
      expect(await requestsOf(ctx.emu, 'SendSms')).toHaveLength(0);
    } finally {
      await relay.close();
    }
  });
});
