import { devAccount, startTencentSmsEmulator } from './index.ts';

// `pnpm dev`: a long-running emulator for local development on a fixed port.

const port = Number(process.env.PORT ?? 3002);
const host = process.env.HOST ?? '127.0.0.1';
const quietRead = /^(Describe\w*|PullSmsSendStatus|SendStatusStatistics) → ok$/;

const emulator = await startTencentSmsEmulator({
  port,
  host,
  logger: {
    // The reads a health check makes by the dozen are left out when they succeed: sends, template changes and
    // every refusal are shown.
    info: (message) => {
      if (!quietRead.test(message)) console.log(`[tencent-sms-emulator] ${message}`);
    },
  },
});

console.log(
  `[tencent-sms-emulator] listening on ${emulator.url} (SDK endpoint ${emulator.endpoint}, protocol http://) — ` +
    `SecretId ${devAccount.secretId} SecretKey ${devAccount.secretKey} SdkAppId ${devAccount.sdkAppId} ` +
    `region ${devAccount.region} sign ${devAccount.signName}; inbox ${emulator.url}/__emulator/inbox`,
);

const shutdown = () => {
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
