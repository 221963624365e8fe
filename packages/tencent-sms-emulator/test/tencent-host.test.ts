import { request as httpsRequest } from 'node:https';
import createTencentSmsConnector from '@logto/connector-tencent-sms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devLogtoConnectorConfig, startTencentSmsEmulator, type TencentSmsEmulator } from '../src/index.ts';
import { routeTencentHost, TENCENT_SMS_HOST, type TencentHostRoute } from '../src/tencent-host.ts';

// The real connector, unmodified: it hard-codes https://sms.tencentcloudapi.com and signs for that host.
async function realSendMessage(to: string, payload: Record<string, string>, type = 'SignIn') {
  const connector = await createTencentSmsConnector({
    getConfig: async () => devLogtoConnectorConfig(),
  });
  return connector.sendMessage({ to, type, payload });
}

const httpsGet = (url: string) =>
  new Promise<number>((resolve, reject) => {
    const req = httpsRequest(url, { method: 'HEAD', timeout: 2000 }, (res) => resolve(res.statusCode ?? 0));
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });

describe('routeTencentHost: the real Logto connector reaches the emulator', () => {
  let emu: TencentSmsEmulator;
  let route: TencentHostRoute;
  beforeAll(async () => {
    emu = await startTencentSmsEmulator({ reviewDelayMs: null, limits: false });
    route = await routeTencentHost({ emulatorUrl: emu.url });
  });
  afterAll(async () => {
    await route.close();
    await emu.close();
  });

  it('delivers a code sent by the unmodified sendMessage, TC3 signed for sms.tencentcloudapi.com', async () => {
    emu.reset();
    await realSendMessage('8613800138000', { code: '246810', locale: 'en' });
    const [message] = emu.messages('+8613800138000');
    expect(message?.params).toEqual(['246810']);
    expect(message?.templateId).toBe(devLogtoConnectorConfig().templates[0]?.templateCode);
    const [logged] = emu.requests('SendSms');
    expect(logged?.outcome).toBe('ok');
    expect(logged?.params).toEqual({
      SmsSdkAppId: devLogtoConnectorConfig().sdkAppId,
      SignName: devLogtoConnectorConfig().signName,
      TemplateId: devLogtoConnectorConfig().templates[0]?.templateCode,
      TemplateParamSet: ['246810'],
      PhoneNumberSet: ['8613800138000'],
    });
  });

  it("surfaces Tencent's refusal through the connector's own error", async () => {
    emu.reset();
    const failure = await realSendMessage('447911123456', { code: '1' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(JSON.stringify({ ...(failure as object), message: (failure as Error).message })).toContain(
      'InvalidParameterValue.IncorrectPhoneNumber',
    );
    expect(emu.messages()).toHaveLength(0);
  });

  it('trusts the generated CA only on routed connections: the same host on another port is not routed', async () => {
    // Port 8443 is not the routed :443, so the connection goes to DNS, which has no answer here (or to the
    // real host, whose certificate the test CA did not sign): either way it fails instead of reaching us.
    const before = emu.requests().length;
    await expect(httpsGet(`https://${TENCENT_SMS_HOST}:8443/`)).rejects.toThrow();
    expect(emu.requests()).toHaveLength(before);
  });

  it('a route closed while another is open leaves the open one working', async () => {
    const extra = await routeTencentHost({ emulatorUrl: emu.url });
    await extra.close();
    emu.reset();
    await realSendMessage('8613800138000', { code: '135790' });
    expect(emu.messages()).toHaveLength(1);
  });

  it('after the last close() the host is no longer routed', async () => {
    await route.close();
    emu.reset();
    // Without the route the connector resolves the real host (no DNS here, or Tencent's real certificate
    // and an unknown SecretId elsewhere): it fails, and nothing reaches the emulator.
    await expect(realSendMessage('8613800138000', { code: '1' })).rejects.toThrow();
    expect(emu.requests()).toHaveLength(0);
  });
});
