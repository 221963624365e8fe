import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devAccount, seededTemplateIds, type TencentSmsEmulator } from '../src/index.ts';
import { type SmsClient, startEmulator } from './helpers.ts';

let emu: TencentSmsEmulator;
let client: SmsClient;
let receiver: Server;
let receiverUrl: string;
const received: unknown[] = [];

beforeAll(async () => {
  ({ emu, client } = await startEmulator({ limits: false, reviewDelayMs: null }));
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      received.push({ contentType: req.headers['content-type'], body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":0,"errmsg":"OK"}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tencent-callbacks/abc`;
});
beforeEach(() => {
  emu.reset();
  received.length = 0;
});
afterAll(async () => {
  await emu.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const send = (phone = '+8613800138000') =>
  client.SendSms({
    PhoneNumberSet: [phone],
    SmsSdkAppId: devAccount.sdkAppId,
    TemplateId: seededTemplateIds.signIn,
    SignName: devAccount.signName,
    TemplateParamSet: ['123456'],
  });

describe("Tencent's status callback, pushed by the emulator", () => {
  it('pushes each delivered message to the configured URL in Tencent’s shape, and logs the answer', async () => {
    const settings = await fetch(`${emu.url}/__emulator/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ statusCallbackUrl: receiverUrl }),
    });
    expect(await settings.json()).toMatchObject({ statusCallbackUrl: receiverUrl });
    const sent = await send();
    const serial = sent.SendStatusSet?.[0]?.SerialNo;
    await emu.settleCallbacks();
    expect(received).toEqual([
      {
        contentType: 'application/json',
        body: [
          {
            user_receive_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
            nationcode: '86',
            mobile: '13800138000',
            report_status: 'SUCCESS',
            errmsg: 'DELIVRD',
            description: expect.any(String),
            sid: serial,
          },
        ],
      },
    ]);
    const log = (await (await fetch(`${emu.url}/__emulator/callbacks`)).json()) as {
      callbacks: { url: string; status: number; reply: string }[];
    };
    expect(log.callbacks).toMatchObject([
      { url: receiverUrl, status: 200, reply: '{"result":0,"errmsg":"OK"}' },
    ]);
    // The pull queue still has the report: both ways of receiving it exist at Tencent.
    expect(emu.store.pullReports(devAccount.sdkAppId, 10).map((r) => r.SerialNo)).toEqual([serial]);
  });

  it('pushes nothing for a refused number, nor without a URL; a receiver that is down is logged, not fatal', async () => {
    await send();
    await emu.settleCallbacks();
    expect(received).toEqual([]);
    emu.changeSettings({ statusCallbackUrl: receiverUrl });
    await send('12345');
    await emu.settleCallbacks();
    expect(received).toEqual([]);
    emu.changeSettings({ statusCallbackUrl: 'http://127.0.0.1:9/nobody' });
    expect((await send()).SendStatusSet?.[0]?.Code).toBe('Ok');
    await emu.settleCallbacks();
    expect(emu.callbacks()).toMatchObject([{ status: null }]);
    expect(() => emu.changeSettings({ statusCallbackUrl: 'ftp://x' } as never)).toThrow(/http/);
  });
});
