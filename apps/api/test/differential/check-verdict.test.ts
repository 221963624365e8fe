// smsdesk's promise: "if the check is green, Logto's SMS sign-in works". For every connector variant of the
// matrix and every usage type, the check's row is ready exactly when the real, unmodified
// @logto/connector-tencent-sms delivers that usage type's code, through the emulator, to the person the
// connector is for (a mainland phone for a mainland connector; the international numbers for an
// international one, since a code delivered to a mainland phone instead is not a working sign-in).
import { startTencentSmsEmulator, type TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { routeTencentHost, type TencentHostRoute } from '@smsdesk/tencent-sms-emulator/tencent-host';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../helpers/databases.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { addInternationalTemplate, allUsageTypes, numbers, realSend, variants } from './matrix.ts';

interface Row {
  usageType: string;
  state: 'ok' | 'warning' | 'error';
  blockedBy?: string;
}

describe.each(databaseKinds)(
  "the check's verdict per usage type matches the real connector on %s",
  (kind) => {
    let emu: TencentSmsEmulator;
    let route: TencentHostRoute;
    let stack: TestStack;
    let admin: { authorization: string };
    let matrix: ReturnType<typeof variants>;

    beforeAll(async () => {
      emu = await startTencentSmsEmulator({ reviewDelayMs: null, limits: false });
      route = await routeTencentHost({ emulatorUrl: emu.url });
      stack = await startTestStack(kind, { TENCENT_SMS_ENDPOINT: emu.url });
      admin = await stack.auth({ sub: 'user-admin' });
      matrix = variants(addInternationalTemplate(emu));
    });
    afterAll(async () => {
      await route?.close();
      await stack?.close();
      await emu?.close();
    });

    /** Did the real connector's send reach `e164` (Tencent accepted it, and that phone got the message)? */
    async function delivered(variant: string, typed: string, usageType: string) {
      const { logto, e164 } = numbers[typed]!;
      const before = emu.messages(e164).length;
      const outcome = await realSend(matrix[variant]!.body, logto, usageType);
      const reached = emu.messages(e164).filter((m) => m.e164 === e164).length > before;
      return { ok: outcome === 'Ok' && reached, outcome };
    }

    it('ready ⇔ the real send succeeds, for every stored variant × the nine usage types', async () => {
      const tally = { ready: 0, notReady: 0 };
      for (const [variant, { body, smsdeskRefuses }] of Object.entries(matrix)) {
        if (smsdeskRefuses) continue;
        const created = await stack.app.inject({
          method: 'POST',
          url: '/api/connectors',
          payload: { ...body, name: `verdict ${variant}` },
          headers: admin,
        });
        expect(created.statusCode, created.body).toBe(201);
        const res = await stack.app.inject({
          method: 'POST',
          url: `/api/connectors/${created.json().id}/check`,
          headers: admin,
        });
        expect(res.statusCode).toBe(200);
        const check = res.json() as { ok: boolean; usageTypes: Row[]; findings: { code: string }[] };
        const recipients = body.international ? ['+14155550100', '+447911123456'] : ['+8613800138000'];
        let allReady = true;
        for (const usageType of allUsageTypes) {
          const row = check.usageTypes.find((r) => r.usageType === usageType)!;
          const label = JSON.stringify({ kind, variant, usageType, row });
          if (usageType === 'OrganizationInvitation') {
            // Never sent by SMS: the check says so and nothing Logto does can fail on it.
            expect(row.state, label).toBe('ok');
            continue;
          }
          const sends = [];
          for (const typed of recipients) sends.push(await delivered(variant, typed, usageType));
          const works = sends.every((s) => s.ok);
          expect(row.state === 'ok', `${label} real sends: ${JSON.stringify(sends)}`).toBe(works);
          if (row.state !== 'ok') allReady = false;
          tally[works ? 'ready' : 'notReady'] += 1;
        }
        // The overall verdict agrees too: ok only when no usage type Logto sends by SMS would fail.
        if (allReady) expect(check.ok, variant).toBe(true);
      }
      console.log(`check verdicts (${kind}): ${JSON.stringify(tally)}`);
      expect(tally.ready).toBeGreaterThan(0);
      expect(tally.notReady).toBeGreaterThan(0);
    }, 120_000);
  },
);
