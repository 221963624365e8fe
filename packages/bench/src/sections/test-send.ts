import { devAccount, seededTemplateIds } from '@smsdesk/tencent-sms-emulator';
import * as tencentcloud from 'tencentcloud-sdk-nodejs-sms';
import { median } from '../load.ts';
import { type Report, fmt, verdict } from '../report.ts';
import type { Stack } from '../stack.ts';

/** A test send through the API against the SDK's own call to the emulator, taking turns. */
export async function testSendSection(stack: Stack, report: Report) {
  const api = await stack.startApi();
  const [connectorId] = await stack.seedConnectors(api, 1);
  const bareSdk = await stack.startBare('', undefined, {
    BARE_SDK_ENDPOINT: stack.emulator.endpoint,
    BARE_SDK_SEND: JSON.stringify({
      ...devAccount,
      templateId: seededTemplateIds.signIn,
    }),
  });
  const client = new tencentcloud.sms.v20210111.Client({
    credential: { secretId: devAccount.secretId, secretKey: devAccount.secretKey },
    region: devAccount.region,
    profile: { httpProfile: { endpoint: stack.emulator.endpoint, protocol: 'http://', reqTimeout: 10 } },
  });
  let sent = 0;
  async function sendPairs(): Promise<{ direct: number; viaApi: number; viaBare: number }> {
    const direct: number[] = [];
    const viaApi: number[] = [];
    const viaBare: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      sent += 1;
      const phone = `+86138${String(10000000 + sent).slice(-8)}`;
      let t = performance.now();
      await client.SendSms({
        SmsSdkAppId: devAccount.sdkAppId,
        SignName: devAccount.signName,
        TemplateId: seededTemplateIds.signIn,
        TemplateParamSet: ['123456'],
        PhoneNumberSet: [phone],
      });
      direct.push(performance.now() - t);
      t = performance.now();
      const res = await fetch(`${api.url}/api/connectors/${connectorId}/test-sends`, {
        method: 'POST',
        headers: stack.auth,
        body: JSON.stringify({ phoneNumber: phone, usageType: 'SignIn', mode: 'smsdesk' }),
      });
      viaApi.push(performance.now() - t);
      if (res.status !== 201) throw new Error(`test send answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      t = performance.now();
      const hop = await fetch(`${bareSdk.url}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phoneNumber: phone }),
      });
      const answer = (await hop.json()) as { status?: string };
      viaBare.push(performance.now() - t);
      if (answer.status !== 'Ok') throw new Error(`the bare SDK route answered ${JSON.stringify(answer)}`);
    }
    return { direct: median(direct), viaApi: median(viaApi), viaBare: median(viaBare) };
  }
  const sendRow = (label: string, pair: { direct: number; viaApi: number; viaBare: number }) => {
    const ratio = pair.viaApi / pair.direct;
    report.row(
      label,
      fmt(pair.direct, 1),
      fmt(pair.viaBare, 1),
      fmt(pair.viaApi, 1),
      fmt(ratio),
      fmt(pair.viaApi / pair.viaBare),
      '≤ 1.30',
      verdict(ratio <= 1.3),
    );
  };
  report.section(
    'A test send: through the API vs the SDK straight to the emulator, and vs a bare Fastify route making the same SendSms (the floor of one more HTTP hop)',
  );
  report.row(
    'measure',
    'SDK direct ms',
    'bare route + SDK ms',
    'through smsdesk ms',
    'ratio to SDK',
    'ratio to bare route',
    'goal',
    '',
  );
  await sendPairs(); // warm-up: the first sends pay for the JIT and the connections
  sendRow('test send, emulator on loopback, median of 40', await sendPairs());
  // Tencent is a network away: the emulator holds each SendSms (40 per path, three paths) for 40 ms.
  stack.emulator.injectFault({ kind: 'delay', delayMs: 40, action: 'SendSms', count: 120 });
  sendRow('test send, Tencent 40 ms away (emulator delay), median of 40', await sendPairs());
  stack.emulator.clearFaults();
}
