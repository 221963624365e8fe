import { devAccount, devLogtoConnectorConfig } from '@smsdesk/tencent-sms-emulator';
import { describe, expect, it } from 'vitest';
import { tencentFactoryId } from '../src/index.ts';
import { useLogtoWithEmulator } from './helpers.ts';

const suite = useLogtoWithEmulator();

describe('sends through the real @logto/connector-tencent-sms', () => {
  it("Console test: the request's config, Generic with 000000, to the digits-only number", async () => {
    const sent = await suite.api(`/api/connectors/${tencentFactoryId}/test`, {
      phone: '8613800138000',
      config: devLogtoConnectorConfig(),
    });
    expect(sent.status).toBe(204);
    const [message] = suite.emulator.messages();
    expect(message).toMatchObject({
      templateId: '100004',
      params: ['000000'],
      signName: devAccount.signName,
    });
    // Tencent reads a number without "+" as mainland China: what Logto's connector really sends.
    expect(suite.emulator.requests('SendSms')[0]?.params).toMatchObject({
      PhoneNumberSet: ['8613800138000'],
    });
  });

  it("answers a Tencent refusal as Logto does: 400 connector.general with Tencent's code", async () => {
    const sent = await suite.api(`/api/connectors/${tencentFactoryId}/test`, {
      phone: '8613800138000',
      config: { ...devLogtoConnectorConfig(), accessKeySecret: 'wrong' },
    });
    expect(sent.status).toBe(400);
    expect(sent.json).toMatchObject({ code: 'connector.general' });
    expect(String(sent.json?.message)).toMatch(/^Error occurred in connector: AuthFailure\.SignatureFailure/);
    expect(suite.emulator.messages()).toEqual([]);
  });

  it('refuses a test config without Generic before any request', async () => {
    const config = devLogtoConnectorConfig();
    const sent = await suite.api(`/api/connectors/${tencentFactoryId}/test`, {
      phone: '8613800138000',
      config: { ...config, templates: config.templates.filter((t) => t.usageType !== 'Generic') },
    });
    expect(sent.status).toBe(400);
    expect(sent.json).toMatchObject({ code: 'connector.invalid_config' });
    expect(suite.emulator.requests('SendSms')).toEqual([]);
  });

  it('verification codes: no SMS connector yet, then a real code through the saved connector', async () => {
    const none = await suite.api('/api/verification-codes', { phone: '8613800138000' });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({
      code: 'connector.not_found',
      message: 'Cannot find any available connector for type: Sms.',
    });

    const created = await suite.api('/api/connectors', {
      connectorId: tencentFactoryId,
      config: devLogtoConnectorConfig(),
    });
    expect(created.status).toBe(200);
    expect((await suite.api('/api/verification-codes', { phone: '8613800138000' })).status).toBe(204);
    const [message] = suite.emulator.messages();
    expect(message?.templateId).toBe('100004');
    const code = message?.params[0] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect(message?.params).toHaveLength(1);

    const wrong = await suite.api('/api/verification-codes/verify', {
      phone: '8613800138000',
      verificationCode: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ code: 'verification_code.code_mismatch' });
    const right = await suite.api('/api/verification-codes/verify', {
      phone: '8613800138000',
      verificationCode: code,
    });
    expect(right.status).toBe(204);
    const again = await suite.api('/api/verification-codes/verify', {
      phone: '8613800138000',
      verificationCode: code,
    });
    expect(again.json).toMatchObject({ code: 'verification_code.not_found' });
  });
});
