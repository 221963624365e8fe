import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devAccount, otherAccount, type TencentSmsEmulator } from '../src/index.ts';
import { rawCall, sdkError, type SmsClient, smsClient, startEmulator } from './helpers.ts';

let emu: TencentSmsEmulator;
let client: SmsClient;

beforeAll(async () => {
  ({ emu, client } = await startEmulator());
});
afterAll(() => emu.close());

const listTemplates = (c: SmsClient) => c.DescribeSmsTemplateList({ International: 0, Limit: 10 });

describe('TC3 authentication and the API 3.0 envelope', () => {
  it('accepts the real SDK (service "127", host signed without port)', async () => {
    const res = await listTemplates(client);
    expect(res.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.DescribeTemplateStatusSet?.length).toBeGreaterThan(0);
  });

  it('accepts the SDK pointed at localhost:port (service then includes the port)', async () => {
    const res = await listTemplates(smsClient(`localhost:${emu.port}`));
    expect(res.DescribeTemplateStatusSet?.[0]?.TemplateId).toBe(100001);
  });

  it('accepts a hand-signed request that also signs x-tc-action', async () => {
    const res = await rawCall(emu.url, { action: 'DescribeSmsSignList', body: { International: 0 } });
    expect(res.Response.Error).toBeUndefined();
    expect(res.Response.DescribeSignListStatusSet).toEqual(
      expect.arrayContaining([expect.objectContaining({ SignName: 'smsdesk', StatusCode: 0 })]),
    );
  });

  it('wrong SecretKey → AuthFailure.SignatureFailure', async () => {
    const bad = smsClient(emu.endpoint, { secretId: devAccount.secretId, secretKey: 'wrong-key' });
    expect((await sdkError(listTemplates(bad))).code).toBe('AuthFailure.SignatureFailure');
  });

  it('a body changed after signing → AuthFailure.SignatureFailure', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = await rawCall(emu.url, {
      action: 'DescribeSmsSignList',
      body: { International: 0 },
      timestamp,
    });
    expect(signed.Response.Error).toBeUndefined();
    const { tc3Authorization } = await import('../src/tc3.ts');
    const authorization = tc3Authorization({
      secretId: devAccount.secretId,
      secretKey: devAccount.secretKey,
      service: '127',
      host: '127.0.0.1',
      timestamp,
      payload: JSON.stringify({ International: 1 }),
    });
    const res = await rawCall(emu.url, {
      action: 'DescribeSmsSignList',
      body: { International: 0 },
      timestamp,
      authorization,
    });
    expect(res.Response.Error?.Code).toBe('AuthFailure.SignatureFailure');
  });

  it('unknown SecretId → AuthFailure.SecretIdNotFound', async () => {
    const unknown = smsClient(emu.endpoint, { secretId: 'AKIDUNKNOWN', secretKey: devAccount.secretKey });
    expect((await sdkError(listTemplates(unknown))).code).toBe('AuthFailure.SecretIdNotFound');
  });

  it('timestamp more than 300 s off → AuthFailure.SignatureExpire (both directions)', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 301, now + 400]) {
      const res = await rawCall(emu.url, {
        action: 'DescribeSmsSignList',
        body: { International: 0 },
        timestamp,
      });
      expect(res.Response.Error?.Code).toBe('AuthFailure.SignatureExpire');
    }
    const ok = await rawCall(emu.url, {
      action: 'DescribeSmsSignList',
      body: { International: 0 },
      timestamp: now - 250,
    });
    expect(ok.Response.Error).toBeUndefined();
  });

  it('missing Authorization → AuthFailure.InvalidAuthorization', async () => {
    const res = await rawCall(emu.url, {
      action: 'DescribeSmsSignList',
      body: { International: 0 },
      authorization: null,
    });
    expect(res.Response.Error?.Code).toBe('AuthFailure.InvalidAuthorization');
    expect(res.Response.RequestId).toEqual(expect.any(String));
    const garbled = await rawCall(emu.url, {
      action: 'DescribeSmsSignList',
      body: {},
      authorization: 'TC3-HMAC-SHA256 nonsense',
    });
    expect(garbled.Response.Error?.Code).toBe('AuthFailure.InvalidAuthorization');
  });

  it('unknown action → InvalidAction', async () => {
    const err = await sdkError(client.request('DescribeEverything', {}));
    expect(err.code).toBe('InvalidAction');
    expect(err.message).toContain('DescribeEverything');
  });

  it('another X-TC-Version → NoSuchVersion', async () => {
    const old = smsClient(emu.endpoint);
    old.apiVersion = '2019-07-11';
    const err = await sdkError(listTemplates(old));
    expect(err.code).toBe('NoSuchVersion');
    expect(err.message).toContain('2019-07-11');
  });

  it('regions: missing → MissingParameter, unknown → UnsupportedRegion, ap-beijing fine', async () => {
    const missing = await rawCall(emu.url, {
      action: 'DescribeSmsSignList',
      body: { International: 0 },
      region: null,
    });
    expect(missing.Response.Error?.Code).toBe('MissingParameter');
    expect(missing.Response.Error?.Message).toContain('Region');
    const unknown = await rawCall(emu.url, {
      action: 'DescribeSmsSignList',
      body: { International: 0 },
      region: 'mars-1',
    });
    expect(unknown.Response.Error?.Code).toBe('UnsupportedRegion');
    const beijing = await rawCall(emu.url, {
      action: 'DescribeSmsSignList',
      body: { International: 0 },
      region: 'ap-beijing',
    });
    expect(beijing.Response.Error).toBeUndefined();
  });

  it('missing and mistyped parameters name the parameter', async () => {
    const missing = await sdkError(client.DescribeSmsTemplateList({} as never));
    expect(missing.code).toBe('MissingParameter');
    expect(missing.message).toContain('`International`');
    const wrongType = await sdkError(client.DescribeSmsTemplateList({ International: '0' } as never));
    expect(wrongType.code).toBe('InvalidParameter');
    expect(wrongType.message).toContain('International');
    const outOfRange = await sdkError(client.DescribeSmsTemplateList({ International: 2, Limit: 1 }));
    expect(outOfRange.code).toBe('InvalidParameterValue');
  });

  it('each account sees only its own templates', async () => {
    const other = smsClient(emu.endpoint, otherAccount);
    const res = await listTemplates(other);
    expect(res.DescribeTemplateStatusSet?.map((t) => t.TemplateId)).toEqual([100050]);
  });
});
