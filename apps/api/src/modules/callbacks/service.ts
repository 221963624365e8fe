import { createHmac, randomBytes } from 'node:crypto';
import type { CallbackUrl, TencentStatusReport } from '@smsdesk/shared/schemas/callbacks';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createError } from '../../errors.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import type { AuditService } from '../audit/service.ts';
import type { ConnectorService } from '../connectors/service.ts';
import type { TestSendService } from '../test-sends/service.ts';
import { findCallbackOf, findConnectorByTokenHash, saveCallback } from './repository.ts';

export interface CallbackDeps {
  db: Kysely<Database>;
  secretBox: SecretBox;
  audit: AuditService;
  connectors: Pick<ConnectorService, 'get'>;
  testSends: Pick<TestSendService, 'receiveReports'>;
  baseUrl: string;
  now: () => Date;
}

export const CALLBACK_PREFIX = '/tencent-callbacks';

/** "2015-10-17 08:03:04" is China time (UTC+8). */
function receivedAtOf(chinaTime: string): string | null {
  const at = new Date(`${chinaTime.replace(' ', 'T')}+08:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/**
 * Each connector's Tencent status callback URL. The token is the only credential of the receiving route,
 * so it is 32 random bytes, found by a keyed hash and kept sealed (to show the URL again), never logged.
 */
export function createCallbackService(deps: CallbackDeps) {
  const { db, secretBox, audit, connectors, testSends, now } = deps;
  const hashKey = secretBox.deriveKey('smsdesk tencent callback token');
  const hashOf = (token: string) => createHmac('sha256', hashKey).update(token).digest('base64url');
  const urlOf = (token: string) => `${deps.baseUrl.replace(/\/+$/, '')}${CALLBACK_PREFIX}/${token}`;

  async function issue(connectorId: string, connectorName: string, actor: string, rotated: boolean) {
    const token = randomBytes(32).toString('base64url');
    await db.transaction().execute(async (trx) => {
      await saveCallback(trx, {
        connectorId,
        tokenHash: hashOf(token),
        tokenCiphertext: secretBox.seal(token, `callback:${connectorId}`),
        createdAt: now().toISOString(),
      });
      await audit.record(
        {
          connectorId,
          connectorName,
          actor,
          action: rotated ? 'connector.callback_rotated' : 'connector.callback_created',
          ...(rotated ? { detail: 'the previous callback URL no longer works' } : {}),
        },
        trx,
      );
    });
    return token;
  }

  return {
    async has(connectorId: string): Promise<boolean> {
      return (await findCallbackOf(db, connectorId)) !== undefined;
    },

    /** The connector's URL; the first ask makes its token. */
    async get(connectorId: string, actor: string): Promise<CallbackUrl> {
      const connector = await connectors.get(connectorId);
      const row = await findCallbackOf(db, connectorId);
      if (row) return { url: urlOf(secretBox.open(row.tokenCiphertext, `callback:${connectorId}`)) };
      return { url: urlOf(await issue(connectorId, connector.name, actor, false)) };
    },

    async rotate(connectorId: string, actor: string): Promise<CallbackUrl> {
      const connector = await connectors.get(connectorId);
      return { url: urlOf(await issue(connectorId, connector.name, actor, true)) };
    },

    /**
     * Tencent's reports for the token's connector. The answer is the same whether or not a serial number
     * belongs to a send here; a report applies only to sends on this connector's SDK app, and only once.
     */
    async authorize(token: string): Promise<void> {
      if (!(await findConnectorByTokenHash(db, hashOf(token))))
        throw createError('NOT_FOUND', 'No such callback URL');
    },

    async receive(token: string, reports: TencentStatusReport[]): Promise<void> {
      const target = await findConnectorByTokenHash(db, hashOf(token));
      if (!target) throw createError('NOT_FOUND', 'No such callback URL');
      // Tencent sends an SDK app's reports to the URL set for that app: they are about the sends of this
      // connector's SDK app only, never another app's (whatever serial a caller puts in them).
      await testSends.receiveReports(
        target.sdkAppId,
        reports.map((r) => ({
          serialNo: r.sid,
          phoneNumber: `+${r.nationcode}${r.mobile}`,
          status: r.report_status === 'SUCCESS' ? ('delivered' as const) : ('failed' as const),
          description: r.errmsg || r.description,
          receivedAt: receivedAtOf(r.user_receive_time),
        })),
      );
    },
  };
}

export type CallbackService = ReturnType<typeof createCallbackService>;
