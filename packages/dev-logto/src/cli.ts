import { devClients, devUsers } from './constants.ts';
import { defaultStateFile } from './management/state.ts';
import { startDevLogto } from './server.ts';

const port = Number(process.env.PORT ?? 3001);
if (!Number.isInteger(port) || port < 0)
  throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);

const logto = await startDevLogto({
  port,
  ...(process.env.HOST ? { host: process.env.HOST } : {}),
  ...(process.env.LOGTO_API_RESOURCE ? { resource: process.env.LOGTO_API_RESOURCE } : {}),
  // `pnpm dev` restarts keep what smsdesk pushed to this tenant.
  stateFile: process.env.DEV_LOGTO_STATE_FILE ?? defaultStateFile,
  // The real Tencent connector sends to the emulator that `pnpm dev` starts; TENCENT_EMULATOR_URL=off sends to Tencent.
  ...(process.env.TENCENT_EMULATOR_URL === 'off'
    ? {}
    : { tencentEmulatorUrl: process.env.TENCENT_EMULATOR_URL ?? 'http://127.0.0.1:3002' }),
  log: (line) => console.log(line),
});

console.log(`dev-logto issuer   ${logto.issuer}`);
console.log(`LOGTO_ENDPOINT     ${logto.endpoint}`);
console.log(`API resource       ${logto.resource}`);
for (const user of Object.values(devUsers)) {
  console.log(
    `user               ${user.username} / ${user.password}, phone +${user.phone}  (${user.scopes.join(' ')})`,
  );
}
console.log(`SPA app            ${devClients.spa.clientId}`);
console.log(`web app            ${devClients.web.clientId} / ${devClients.web.clientSecret}`);
console.log(`M2M app            ${devClients.m2m.clientId} / ${devClients.m2m.clientSecret}`);
console.log(
  `Management API     ${devClients.mgmt.clientId} / ${devClients.mgmt.clientSecret}  (${logto.managementApiResource}, scope all)`,
);

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    logto.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
