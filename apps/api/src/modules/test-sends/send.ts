/** Sending a test code: reserve the row, check the limits, ask Tencent once, record what came back. */
import type { CreateTestSend, TestSend, TestSendMode } from '@smsdesk/shared/schemas/test-sends';
import { AppError } from '../../errors.ts';
import { guidanceFor } from '../../tencent/errors.ts';
import type { SendResult, TencentErrorDetails } from '../../tencent/gateway.ts';
import { newCode } from './codes.ts';
import { reserveWithinLimits } from './limits.ts';
import { assertModeFields, logtoNumberNote, logtoTrap, sendPayload, templateNotFound } from './logto-mode.ts';
import { assertConnectorFits, maskPhone, type ParsedPhone, parsePhone } from './phone.ts';
import {
  insertTestSend,
  markFailedInside,
  newTestSendRow,
  type TestSendRow,
  updateTestSend,
} from './repository.ts';
import { assertNoTenant, isTenantMode } from './tenant-mode-rules.ts';
import { createTenantSender } from './tenant-modes.ts';
import type { TestSendDeps } from './service.ts';
import { toTestSend } from './view.ts';

type Outcome = Partial<TestSendRow>;

export function createSender(deps: TestSendDeps, clock: () => Date) {
  const { db, connectors, tencent, limits, hasher } = deps;

  const throughTenant = createTenantSender(deps, clock);

  async function recordRefusal(
    connector: { id: string; name: string },
    phone: ParsedPhone,
    usageType: CreateTestSend['usageType'],
    actor: string,
    refusal: AppError,
  ): Promise<void> {
    const masked = maskPhone(phone);
    const fix = (refusal.details as { fix?: string } | undefined)?.fix;
    const row: TestSendRow = {
      ...newTestSendRow(
        {
          connectorId: connector.id,
          actor,
          usageType,
          templateCode: null,
          mode: 'logto',
          phoneNumberMasked: masked,
          phoneHash: hasher.phoneHash(phone.e164),
        },
        clock(),
      ),
      status: 'failed',
      tencentCode: refusal.code,
      tencentMessage: refusal.message,
      guidance: fix ? `${refusal.message}. ${fix}` : refusal.message,
      deliveryStatus: 'failed',
    };
    const auditId = await deps.audit.begin({
      connectorId: connector.id,
      connectorName: connector.name,
      actor,
      action: 'test_send.sent',
      detail: `${usageType}, logto mode, ${masked}: refused before sending (${refusal.code})`,
    });
    await db.transaction().execute(async (trx) => {
      await insertTestSend(trx, row);
      await deps.audit.settle(auditId, 'failed', {}, trx);
    });
  }

  return async function create(connectorId: string, input: CreateTestSend, actor: string): Promise<TestSend> {
    const mode: TestSendMode = input.mode ?? 'smsdesk';
    if (isTenantMode(mode)) return throughTenant(connectorId, { ...input, mode }, actor);
    assertNoTenant(mode, input);
    assertModeFields(mode, input);
    // One read for the profile and its secret; a missing secret is refused once the template is known.
    const { connector, credentials: stored } = await connectors.credentialsIfSet(connectorId);
    const phone = parsePhone(input.phoneNumber, input.country, connector.international);
    // Logto-exact sends whatever Logto would, to either side; only smsdesk mode refuses the wrong side.
    if (mode === 'smsdesk') assertConnectorFits(phone, connector.international);
    const mapping = connector.templates.find((t) => t.usageType === input.usageType);
    if (!mapping) {
      const refusal = templateNotFound(mode, input.usageType, connector.name);
      // Logto itself fails this send before Tencent is asked: a Logto-exact test shows that outcome in the
      // history and the audit like any other, and still answers the error.
      if (mode === 'logto') await recordRefusal(connector, phone, input.usageType, actor, refusal);
      throw refusal;
    }
    const credentials = stored ?? (await connectors.credentials(connectorId)).credentials;

    const now = clock();
    const code = newCode();
    const masked = maskPhone(phone);
    const row = newTestSendRow(
      {
        connectorId,
        actor,
        usageType: input.usageType,
        templateCode: mapping.templateCode,
        mode,
        phoneNumberMasked: masked,
        phoneHash: hasher.phoneHash(phone.e164),
      },
      now,
    );
    // The intent is recorded before Tencent is asked, in the transaction that counts the limits and
    // reserves the send's row (one commit): an SMS that leaves is never without its audit event.
    const intent = `${input.usageType}, ${mode} mode, ${masked}`;
    const auditId = (await reserveWithinLimits(db, limits, row, now, (trx) =>
      deps.audit.begin(
        {
          connectorId,
          connectorName: connector.name,
          actor,
          action: 'test_send.sent',
          detail: `${intent}: sending`,
        },
        trx,
      ),
    )) as string;

    const send = {
      sdkAppId: connector.sdkAppId,
      signName: connector.signName,
      templateId: mapping.templateCode,
      ...sendPayload(mode, code, phone, input.uiLocales),
    };
    let outcome: Outcome;
    // After a timeout or an unreachable Tencent the SMS may still have left: the audit event stays pending.
    let uncertain = false;
    try {
      const result: SendResult = await tencent.sendSms(credentials, send);
      const logtoNote = logtoNumberNote(mode, phone, connector.international);
      outcome = outcomeOfReply(result, {
        note: logtoNote,
        codeHash: () => hasher.hashCode(code),
        explain: (tencentCode) => {
          const advice = guidanceFor(tencentCode, {
            templateId: mapping.templateCode,
            signName: connector.signName,
            phoneNumber: masked,
          });
          const trap = logtoTrap(tencentCode, { ...input, mode }, phone.mainland, mapping.templateCode);
          return [`${advice.message}. ${advice.fix}`, trap ?? logtoNote].filter(Boolean).join(' ');
        },
      });
    } catch (error) {
      // A top-level failure (credentials, timeout, unreachable…) is recorded as a failed send and answered
      // 201 like a per-number refusal: the person needs it in the history, and a send is never retried —
      // after a timeout the SMS may still arrive, so a second attempt could put two codes on the phone.
      if (!(error instanceof AppError)) {
        await markFailedInside(db, row.id);
        throw error;
      }
      outcome = outcomeOfError(error);
      uncertain = error.statusCode >= 500;
    }
    const final: TestSendRow = {
      ...row,
      ...outcome,
      deliveryStatus: outcome.status === 'sent' ? 'pending' : 'failed',
    };
    await db.transaction().execute(async (trx) => {
      await updateTestSend(trx, row.id, {
        status: final.status,
        tencentCode: final.tencentCode,
        tencentMessage: final.tencentMessage,
        serialNo: final.serialNo,
        fee: final.fee,
        requestId: final.requestId,
        guidance: final.guidance,
        codeHash: final.codeHash,
        deliveryStatus: final.deliveryStatus,
      });
      await deps.audit.settle(
        auditId,
        final.status === 'sent' ? 'succeeded' : uncertain ? 'pending' : 'failed',
        { detail: `${intent}: ${final.status}${final.status === 'failed' ? ` (${final.tencentCode})` : ''}` },
        trx,
      );
    });
    return toTestSend(final);
  };
}

/** Tencent answered: sent, refused for the number, or a reply without the number's status. */
function outcomeOfReply(
  result: SendResult,
  how: { codeHash: () => string; explain: (tencentCode: string) => string; note: string | null },
): Outcome {
  const requestId = result.requestId || null;
  const status = result.statuses[0];
  if (!status) {
    return {
      status: 'failed',
      tencentCode: 'TENCENT_BAD_REPLY',
      tencentMessage: 'Tencent answered without a status for the number',
      requestId,
      guidance: 'Tencent accepted the request but reported nothing for the number: check the phone.',
    };
  }
  const answered = {
    tencentCode: status.code,
    tencentMessage: status.message,
    serialNo: status.serialNo,
    fee: status.fee,
    requestId,
  };
  if (status.code === 'Ok') {
    return {
      status: 'sent',
      ...answered,
      codeHash: how.codeHash(),
      ...(how.note ? { guidance: how.note } : {}),
    };
  }
  // A per-number refusal is an answer about the configuration, not an HTTP error: it is kept in the
  // history with what it means.
  return { status: 'failed', ...answered, guidance: how.explain(status.code) };
}

function outcomeOfError(error: AppError): Outcome {
  const details = (error.details ?? {}) as Partial<TencentErrorDetails>;
  return {
    status: 'failed',
    tencentCode: details.tencentCode ?? error.code,
    tencentMessage: error.message,
    requestId: details.requestId ?? null,
    guidance: details.fix ? `${error.message}. ${details.fix}` : error.message,
  };
}
