/**
 * Test sends through a Logto tenant: `logto-test` is Logto's own console test of this profile (Generic, code
 * 000000); `logto-live` has the tenant's live connector send a code Logto generated, and Logto verifies it.
 * What these prove that `logto` mode cannot: that Logto itself, with its own package and its own network,
 * gets the SMS out.
 */
import type { LogtoTencentConfig } from '@smsdesk/shared/schemas/connectors';
import type { CreateTestSend, TestSend } from '@smsdesk/shared/schemas/test-sends';
import { AppError, createError } from '../../errors.ts';
import { LogtoHttpError } from '../logto-tenants/management-client.ts';
import { reserveWithinLimits } from './limits.ts';
import { maskPhone, parsePhone } from './phone.ts';
import {
  markVerified,
  newTestSendRow,
  type TestSendRow,
  takeVerifyAttempt,
  updateTestSend,
  markFailedInside,
} from './repository.ts';
import { codeExpiresAt, isExpired, MAX_VERIFY_ATTEMPTS } from './rules.ts';
import type { TestSendDeps } from './service.ts';
import { assertTenantFields, consoleTestCode, explainRefusal, type TenantMode } from './tenant-mode-rules.ts';
import { toTestSend } from './view.ts';

export function createTenantSender(deps: TestSendDeps, clock: () => Date) {
  const { db, connectors, limits, hasher } = deps;

  return async function sendThroughTenant(
    connectorId: string,
    input: CreateTestSend & { mode: TenantMode },
    actor: string,
  ): Promise<TestSend> {
    const { mode } = input;
    const tenants = deps.logtoTenants;
    const sealer = deps.sealer;
    if (!tenants || !sealer)
      throw createError('SERVICE_UNAVAILABLE', 'Sends through Logto tenants are not set up');
    const tenantId = assertTenantFields(mode, input);
    const connector = await connectors.get(connectorId);
    const phone = parsePhone(input.phoneNumber, input.country, connector.international);
    // Logto keeps a number as digits; its Tencent connector sends them as they are (no +).
    const digits = phone.e164.slice(1);
    const { tenant } = await tenants.connection(tenantId);

    let config: LogtoTencentConfig | null = null;
    let templateCode: string | null;
    let liveInSync: number | null = null;
    if (mode === 'logto-test') {
      const { credentials } = await connectors.credentials(connectorId);
      config = {
        accessKeyId: connector.accessKeyId,
        accessKeySecret: credentials.secretKey,
        signName: connector.signName,
        region: connector.region,
        sdkAppId: connector.sdkAppId,
        templates: connector.templates,
      };
      templateCode = connector.templates.find((t) => t.usageType === 'Generic')?.templateCode ?? null;
    } else {
      const live = await tenants.liveState(connectorId, tenantId);
      if (!live.config) {
        throw createError(
          'CONFLICT',
          `Logto tenant "${tenant.name}" has no Tencent SMS connector, so it cannot send this code: push this profile first`,
          { tenantId },
        );
      }
      liveInSync = live.drift.inSync ? 1 : 0;
      const templates = Array.isArray(live.config.templates) ? live.config.templates : [];
      const generic = templates.find((t) => (t as { usageType?: unknown }).usageType === 'Generic') as
        | { templateCode?: unknown }
        | undefined;
      templateCode = typeof generic?.templateCode === 'string' ? generic.templateCode : null;
    }

    const now = clock();
    const masked = maskPhone(phone);
    const row = newTestSendRow(
      {
        connectorId,
        actor,
        usageType: 'Generic',
        templateCode,
        mode,
        phoneNumberMasked: masked,
        phoneHash: hasher.phoneHash(phone.e164),
        tenantId,
        liveInSync,
      },
      now,
    );
    await reserveWithinLimits(db, limits, row, now);

    let outcome: Partial<TestSendRow>;
    try {
      if (config) await tenants.consoleTest(tenantId, digits, config);
      else await tenants.sendCode(tenantId, digits);
      outcome = {
        status: 'sent',
        tencentCode: 'Ok',
        tencentMessage:
          mode === 'logto-test'
            ? `Logto tenant "${tenant.name}" sent its console test (Generic, code ${consoleTestCode}) with this profile`
            : `Logto tenant "${tenant.name}" sent a code it generated through its live Tencent connector`,
        // The console test's code is known; a live code only Logto knows, and Logto checks it.
        codeHash: mode === 'logto-test' ? hasher.hashCode(consoleTestCode) : null,
        phoneCiphertext: mode === 'logto-live' ? sealer.seal(digits, row.id) : null,
      };
    } catch (error) {
      if (error instanceof LogtoHttpError) {
        const { tencentCode, guidance } = explainRefusal(error, {
          templateId: templateCode,
          signName: connector.signName,
          masked,
          mainland: phone.mainland,
          input,
        });
        outcome = { status: 'failed', tencentCode, tencentMessage: error.body.message, guidance };
      } else if (error instanceof AppError) {
        // Logto unreachable, timed out or refusing the M2M app: recorded, never retried (a code may be on its way).
        const fix = (error.details as { fix?: string } | undefined)?.fix;
        outcome = {
          status: 'failed',
          tencentCode: error.code,
          tencentMessage: error.message,
          guidance: fix ? `${error.message}. ${fix}` : error.message,
        };
      } else {
        await markFailedInside(db, row.id);
        throw error;
      }
    }
    const final: TestSendRow = {
      ...row,
      ...outcome,
      // Logto reports no serial number, so no delivery report can be pulled: the phone is the proof.
      deliveryStatus: outcome.status === 'sent' ? 'pending' : 'failed',
    };
    await db.transaction().execute(async (trx) => {
      await updateTestSend(trx, row.id, {
        status: final.status,
        tencentCode: final.tencentCode,
        tencentMessage: final.tencentMessage,
        guidance: final.guidance,
        codeHash: final.codeHash,
        phoneCiphertext: final.phoneCiphertext,
        deliveryStatus: final.deliveryStatus,
      });
      await deps.audit.record(
        {
          connectorId,
          connectorName: connector.name,
          actor,
          action: 'test_send.sent',
          detail: `Generic, ${mode} mode through Logto tenant "${tenant.name}", ${masked}: ${final.status}${final.status === 'failed' ? ` (${final.tencentCode})` : ''}`,
        },
        trx,
      );
    });
    return toTestSend(final);
  };
}

/** A logto-live code: the attempt and expiry rules of every send, and Logto's own verdict on the code. */
export async function verifyThroughLogto(
  deps: TestSendDeps,
  row: TestSendRow,
  code: string,
  now: Date,
): Promise<{ verified: true }> {
  const { db, hasher, logtoTenants, sealer } = deps;
  if (!logtoTenants || !sealer || !row.tenantId || !row.phoneCiphertext) {
    throw createError(
      'CONFLICT',
      'This test send cannot be verified through Logto (its tenant or number is not kept)',
    );
  }
  if (row.verifyAttempts >= MAX_VERIFY_ATTEMPTS) throw exhausted();
  if (isExpired(row.createdAt, now)) {
    const expiredAt = codeExpiresAt(row.createdAt).toISOString();
    throw createError(
      'CODE_EXPIRED',
      `The code expired at ${expiredAt} (10 minutes after sending): send a new test code`,
      {
        expiredAt,
      },
    );
  }
  const used = await takeVerifyAttempt(db, row.id, MAX_VERIFY_ATTEMPTS);
  if (used === null) throw exhausted();
  try {
    await logtoTenants.verifyCode(row.tenantId, sealer.open(row.phoneCiphertext, row.id), code);
  } catch (error) {
    if (error instanceof LogtoHttpError && error.status === 400) {
      const attemptsLeft = MAX_VERIFY_ATTEMPTS - used;
      throw createError(
        'CODE_MISMATCH',
        `Logto refused the code (${error.body.message}); ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left`,
        { attemptsLeft, logtoCode: error.body.code, logtoMessage: error.body.message },
      );
    }
    throw error;
  }
  // Logto used the code up; its hash lets a retried request get the same answer.
  await updateTestSend(db, row.id, { codeHash: hasher.hashCode(code) });
  await markVerified(db, row.id, now.toISOString());
  return { verified: true };
}

function exhausted() {
  return createError(
    'CODE_ATTEMPTS_EXHAUSTED',
    `${MAX_VERIFY_ATTEMPTS} wrong codes were entered for this test send; even the right code is refused now: send a new test code`,
    { attemptsLeft: 0 },
  );
}
