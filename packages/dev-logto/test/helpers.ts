import { startTencentSmsEmulator, type TencentSmsEmulator } from '@smsdesk/tencent-sms-emulator';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type DevLogto, generateSigningKey, startDevLogto } from '../src/index.ts';
import { type ManagementApi, managementApi } from '../src/testing.ts';

/**
 * For the suite around the call: a dev-logto whose Tencent connector sends to an emulator (emptied before
 * each test), and its Management API as the `mgmt` app.
 */
export function useLogtoWithEmulator(): {
  readonly emulator: TencentSmsEmulator;
  readonly logto: DevLogto;
  readonly api: ManagementApi;
} {
  const suite = {} as { emulator: TencentSmsEmulator; logto: DevLogto; api: ManagementApi };
  beforeAll(async () => {
    suite.emulator = await startTencentSmsEmulator({ port: 0, limits: false });
    suite.logto = await startDevLogto({
      port: 0,
      keys: [await generateSigningKey()],
      tencentEmulatorUrl: suite.emulator.url,
    });
    suite.api = managementApi(suite.logto.endpoint);
  });
  afterAll(async () => {
    await suite.logto?.close();
    await suite.emulator?.close();
  });
  beforeEach(() => suite.emulator.reset());
  return suite;
}
