import { maskReportedNumber } from './phone.ts';
import {
  applyDeliveryReports,
  findDeliveryReport,
  storeDeliveryReports,
  type TestSendRow,
} from './repository.ts';
import type { TestSendDeps } from './service.ts';

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
    // Reports of other senders on the same SDK app (Logto in production) keep only a masked number.
    const masked = reports.map((r) => ({ ...r, phoneNumber: maskReportedNumber(r.phoneNumber) }));
    await storeDeliveryReports(db, connector.sdkAppId, masked, now.toISOString());
    await applyDeliveryReports(db, reports);
  } catch (error) {
    deps.log?.warn(
      { err: error, testSendId: row.id },
      'delivery reports could not be pulled; the send stays pending',
    );
  }
}
