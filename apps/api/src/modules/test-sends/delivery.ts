import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DeliveryReport } from '../../tencent/gateway.ts';
import { maskReportedNumber } from './phone.ts';
import {
  applyDeliveryReports,
  findDeliveryReport,
  serialsOfOtherSdkApps,
  storeDeliveryReports,
  type TestSendRow,
} from './repository.ts';
import type { TestSendDeps } from './service.ts';

// Reports of other senders on the same SDK app (Logto in production) keep only a masked number.
const masked = (reports: DeliveryReport[]) =>
  reports.map((r) => ({ ...r, phoneNumber: maskReportedNumber(r.phoneNumber) }));

/**
 * Tencent's delivery reports are a queue per SDK app: each is handed out once, and a batch may hold the
 * reports of other sends. Every report pulled is kept; a failed pull leaves the send pending.
 */
export async function refreshDelivery(deps: TestSendDeps, row: TestSendRow, now: Date): Promise<void> {
  const { db, connectors, tencent } = deps;
  if (!row.serialNo) return;
  const known = await findDeliveryReport(db, row.serialNo);
  if (known) {
    await applyDeliveryReports(db, [{ ...known, status: known.status as 'delivered' | 'failed' }]);
    return;
  }
  try {
    const { connector, credentials } = await connectors.credentials(row.connectorId);
    const reports = await tencent.pullDeliveryReports(credentials, {
      sdkAppId: connector.sdkAppId,
      limit: 100,
    });
    await storeDeliveryReports(db, connector.sdkAppId, masked(reports), now.toISOString());
    await applyDeliveryReports(db, reports);
  } catch (error) {
    deps.log?.warn(
      { err: error, testSendId: row.id },
      'delivery reports could not be pulled; the send stays pending',
    );
  }
}

/**
 * Reports pushed to an SDK app's status callback speak for that app's sends only: a serial of a send on
 * another app is neither kept nor applied (whoever put it in), and only this app's sends move.
 */
export async function receivePushedReports(
  db: Kysely<Database>,
  sdkAppId: string,
  reports: DeliveryReport[],
  now: Date,
): Promise<void> {
  const foreign = await serialsOfOtherSdkApps(db, sdkAppId, [...new Set(reports.map((r) => r.serialNo))]);
  const own = reports.filter((r) => !foreign.has(r.serialNo));
  if (own.length === 0) return;
  await storeDeliveryReports(db, sdkAppId, masked(own), now.toISOString());
  await applyDeliveryReports(db, own, { sdkAppId });
}
