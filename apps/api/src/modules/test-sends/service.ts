/**
 * Test sends: the send (send.ts), proving receipt (verify.ts), delivery reports (delivery.ts); the
 * Logto-mode differences and the code's rules have files of their own (logto-mode.ts, rules.ts).
 */
import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DeliveryReport, TencentGateway } from '../../tencent/gateway.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import type { AuditService } from '../audit/service.ts';
import type { LogtoTenantService } from '../logto-tenants/service.ts';
import type { ConnectorService } from '../connectors/service.ts';
import type { CodeHasher } from './codes.ts';
import { receivePushedReports, refreshDelivery } from './delivery.ts';
import type { TestSendLimits } from './limits.ts';
import { listTestSends } from './repository.ts';
import { createSender } from './send.ts';
import { createVerifier, findRow } from './verify.ts';
import { toTestSend } from './view.ts';

export interface TestSendDeps {
  db: Kysely<Database>;
  connectors: ConnectorService;
  audit: AuditService;
  tencent: TencentGateway;
  limits: TestSendLimits;
  hasher: CodeHasher;
  now?: () => Date;
  log?: { warn(obj: object, msg: string): void };
  /** The Logto tenants, for the logto-test and logto-live modes. */
  logtoTenants?: LogtoTenantService;
  /** Seals the number a logto-live send is verified for (Logto needs it again at verification). */
  sealer?: Pick<SecretBox, 'seal' | 'open'>;
}

export function createTestSendService(deps: TestSendDeps) {
  const clock = deps.now ?? (() => new Date());

  async function get(id: string): Promise<TestSend> {
    const row = await findRow(deps, id);
    if (row.status !== 'sent' || row.deliveryStatus !== 'pending') return toTestSend(row);
    await refreshDelivery(deps, row, clock());
    return toTestSend(await findRow(deps, id));
  }

  async function list(query: { connectorId?: string; cursor?: string; limit?: number }) {
    const { rows, nextCursor } = await listTestSends(deps.db, { ...query, limit: query.limit ?? 20 });
    return { items: rows.map(toTestSend), nextCursor };
  }

  /** Delivery reports Tencent pushed for one SDK app (the callbacks module receives them). */
  async function receiveReports(sdkAppId: string, reports: DeliveryReport[]): Promise<void> {
    await receivePushedReports(deps.db, sdkAppId, reports, clock());
  }

  return {
    create: createSender(deps, clock),
    verify: createVerifier(deps, clock),
    get,
    list,
    receiveReports,
  };
}

export type TestSendService = ReturnType<typeof createTestSendService>;
