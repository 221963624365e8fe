import type { TestSend, TestSendMode } from '@smsdesk/shared/schemas/test-sends';
import type { UsageType } from '@smsdesk/shared/usage-types';
import type { TestSendRow } from './repository.ts';
import { attemptsLeft, codeExpiresAt } from './rules.ts';

/** A stored send as the API answers it: only `sent` and `failed`, the code's clock and attempts. */
export function toTestSend(row: TestSendRow): TestSend {
  const sent = row.status === 'sent';
  return {
    id: row.id,
    connectorId: row.connectorId,
    status: sent ? 'sent' : 'failed',
    usageType: row.usageType as UsageType,
    templateCode: row.templateCode,
    phoneNumberMasked: row.phoneNumberMasked,
    mode: row.mode as TestSendMode,
    tencent: {
      code: row.tencentCode ?? 'SEND_UNFINISHED',
      message:
        row.tencentMessage ??
        'The send did not finish (the server stopped while asking Tencent): check the phone before sending again',
      serialNo: row.serialNo,
      fee: row.fee,
      requestId: row.requestId,
    },
    ...(row.guidance ? { guidance: row.guidance } : {}),
    verified: row.verifiedAt !== null,
    verifyAttemptsLeft: sent ? attemptsLeft(row.verifyAttempts) : 0,
    codeExpiresAt: sent ? codeExpiresAt(row.createdAt).toISOString() : null,
    delivery: {
      status: row.deliveryStatus as TestSend['delivery']['status'],
      description: row.deliveryDescription,
      receivedAt: row.deliveredAt,
    },
    actor: row.actor,
    createdAt: row.createdAt,
    ...(row.tenantId
      ? {
          logto: {
            tenantId: row.tenantId,
            liveConnectorInSync: row.liveInSync === null ? null : row.liveInSync === 1,
          },
        }
      : {}),
  };
}
