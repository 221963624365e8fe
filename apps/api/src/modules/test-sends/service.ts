import { randomUUID } from 'node:crypto';
import type { UsageTypeValue } from '@smsdesk/shared/schemas/usage-type';
import type { CreateTestSend, TestSend, TestSendMode } from '@smsdesk/shared/schemas/test-sends';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, createError } from '../../errors.ts';
import { guidanceFor } from '../../tencent/errors.ts';
import type { SendResult, TencentErrorDetails, TencentGateway } from '../../tencent/gateway.ts';
import { recordAuditEvent } from '../audit/repository.ts';
import type { ConnectorService } from '../connectors/service.ts';
import { type CodeHasher, newCode } from './codes.ts';
import { assertWithinLimits, type TestSendLimits } from './limits.ts';
import { assertConnectorFits, maskPhone, maskReportedNumber, parsePhone } from './phone.ts';
import {
  MAX_VERIFY_ATTEMPTS,
  type TestSendRow,
  applyDeliveryReports,
  deleteTestSend,
  findDeliveryReport,
  findTestSend,
  insertTestSend,
  listTestSends,
  markVerified,
  storeDeliveryReports,
  takeVerifyAttempt,
  updateTestSend,
} from './repository.ts';

export const CODE_TTL_MS = 10 * 60_000;

/** A row reserved for the limits while Tencent is asked; only a crash mid-send leaves one behind. */
const SENDING = 'sending';

export interface TestSendDeps {
  db: Kysely<Database>;
  connectors: ConnectorService;
  tencent: TencentGateway;
  limits: TestSendLimits;
  hasher: CodeHasher;
  now?: () => Date;
  log?: { warn(obj: object, msg: string): void };
}

export function toTestSend(row: TestSendRow): TestSend {
  const sent = row.status === 'sent';
  return {
    id: row.id,
    connectorId: row.connectorId,
    status: sent ? 'sent' : 'failed',
    usageType: row.usageType as UsageTypeValue,
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
    verifyAttemptsLeft: sent ? Math.max(0, MAX_VERIFY_ATTEMPTS - row.verifyAttempts) : 0,
    codeExpiresAt: sent ? new Date(Date.parse(row.createdAt) + CODE_TTL_MS).toISOString() : null,
    delivery: {
      status: row.deliveryStatus as TestSend['delivery']['status'],
      description: row.deliveryDescription,
      receivedAt: row.deliveredAt,
    },
    actor: row.actor,
    createdAt: row.createdAt,
  };
}

function templateNotFound(mode: TestSendMode, usageType: string, connectorName: string) {
  const message =
    mode === 'logto'
      ? `Logto's Tencent connector has no template for usage type ${usageType} and does not fall back to Generic: Logto fails this send with template_not_found`
      : `Connector "${connectorName}" maps no template to usage type ${usageType}; smsdesk does not fall back to Generic, because Logto's Tencent connector does not either`;
  return createError('TEMPLATE_NOT_FOUND', message, {
    usageType,
    mode,
    fix: `Map a template to ${usageType} on the connector (and in Logto's connector JSON).`,
  });
}

/** What Logto would do differently from smsdesk, where that explains a refusal. */
function logtoTrap(
  code: string,
  input: CreateTestSend,
  mainland: boolean,
  templateId: string,
): string | null {
  if (input.mode !== 'logto') return null;
  const templateRefusal =
    code === 'FailedOperation.TemplateIncorrectOrUnapproved' ||
    code === 'InvalidParameterValue.TemplateParameterFormatError';
  if (input.uiLocales && templateRefusal) {
    return (
      `The ui_locales trap: the sign-in request carried ui_locales, so Logto's Tencent connector sent "${input.uiLocales}" as a second template value ([code, "${input.uiLocales}"]). ` +
      `Template ${templateId} expects only the code ({1}), and a verification-code template cannot take a locale as a value at all (values must be 0–6 digits). ` +
      'Keep ui_locales out of sign-in requests that send SMS codes, or map a template that takes a second value.'
    );
  }
  if (!mainland && code === 'InvalidParameterValue.IncorrectPhoneNumber') {
    return "Logto's Tencent connector sends the number as Logto stores it, without the +; Tencent reads numbers without + as mainland China, so international numbers fail when Logto sends them.";
  }
  return null;
}

export function createTestSendService(deps: TestSendDeps) {
  const { db, connectors, tencent, limits, hasher } = deps;
  const clock = deps.now ?? (() => new Date());

  async function create(connectorId: string, input: CreateTestSend, actor: string): Promise<TestSend> {
    const mode: TestSendMode = input.mode ?? 'smsdesk';
    if (mode === 'smsdesk' && input.uiLocales !== undefined) {
      throw createError('VALIDATION_FAILED', 'uiLocales is only sent in logto mode', {
        fields: [
          {
            field: 'body.uiLocales',
            rule: 'mode',
            message: 'only applies with mode "logto" (smsdesk mode always sends [code])',
          },
        ],
      });
    }
    const connector = await connectors.get(connectorId);
    const phone = parsePhone(input.phoneNumber, input.country, connector.international);
    assertConnectorFits(phone, connector.international);
    const mapping = connector.templates.find((t) => t.usageType === input.usageType);
    if (!mapping) throw templateNotFound(mode, input.usageType, connector.name);
    const { credentials } = await connectors.credentials(connectorId);

    const now = clock();
    const code = newCode();
    const masked = maskPhone(phone);
    const row: TestSendRow = {
      id: randomUUID(),
      connectorId,
      actor,
      usageType: input.usageType,
      templateCode: mapping.templateCode,
      mode,
      phoneNumberMasked: masked,
      phoneHash: hasher.phoneHash(phone.e164),
      codeHash: null,
      status: SENDING,
      tencentCode: null,
      tencentMessage: null,
      serialNo: null,
      fee: null,
      requestId: null,
      guidance: null,
      verifyAttempts: 0,
      verifiedAt: null,
      deliveryStatus: 'pending',
      deliveryDescription: null,
      deliveredAt: null,
      createdAt: now.toISOString(),
    };
    await insertTestSend(db, row);
    try {
      await assertWithinLimits(db, limits, row, now);
    } catch (error) {
      await deleteTestSend(db, row.id);
      throw error;
    }

    const send = {
      sdkAppId: connector.sdkAppId,
      signName: connector.signName,
      templateId: mapping.templateCode,
      // Logto passes every payload value but the locale, and the number as it stores it: no `+`.
      params: mode === 'logto' && input.uiLocales ? [code, input.uiLocales] : [code],
      phoneNumbers: [mode === 'logto' ? phone.e164.slice(1) : phone.e164],
    };
    let outcome: Partial<TestSendRow>;
    try {
      const result: SendResult = await tencent.sendSms(credentials, send);
      const status = result.statuses[0];
      if (!status) {
        outcome = {
          status: 'failed',
          tencentCode: 'TENCENT_BAD_REPLY',
          tencentMessage: 'Tencent answered without a status for the number',
          requestId: result.requestId || null,
          guidance: 'Tencent accepted the request but reported nothing for the number: check the phone.',
        };
      } else if (status.code === 'Ok') {
        outcome = {
          status: 'sent',
          tencentCode: status.code,
          tencentMessage: status.message,
          serialNo: status.serialNo,
          fee: status.fee,
          requestId: result.requestId || null,
          codeHash: hasher.hashCode(code),
        };
      } else {
        // A per-number refusal is an answer about the configuration, not an HTTP error: it is kept in the
        // history with what it means.
        const advice = guidanceFor(status.code, {
          templateId: mapping.templateCode,
          signName: connector.signName,
          phoneNumber: masked,
        });
        const trap = logtoTrap(status.code, { ...input, mode }, phone.mainland, mapping.templateCode);
        outcome = {
          status: 'failed',
          tencentCode: status.code,
          tencentMessage: status.message,
          serialNo: status.serialNo,
          fee: status.fee,
          requestId: result.requestId || null,
          guidance: [`${advice.message}. ${advice.fix}`, trap].filter(Boolean).join(' '),
        };
      }
    } catch (error) {
      // A top-level failure (credentials, timeout, unreachable…) is recorded as a failed send and answered
      // 201 like a per-number refusal: the person needs it in the history, and a send is never retried —
      // after a timeout the SMS may still arrive, so a second attempt could put two codes on the phone.
      if (!(error instanceof AppError)) {
        await updateTestSend(db, row.id, {
          status: 'failed',
          tencentCode: 'INTERNAL',
          tencentMessage: 'The send failed inside smsdesk',
          deliveryStatus: 'failed',
        });
        throw error;
      }
      const details = (error.details ?? {}) as Partial<TencentErrorDetails>;
      outcome = {
        status: 'failed',
        tencentCode: details.tencentCode ?? error.code,
        tencentMessage: error.message,
        requestId: details.requestId ?? null,
        guidance: details.fix ? `${error.message}. ${details.fix}` : error.message,
      };
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
      await recordAuditEvent(
        trx,
        {
          connectorId,
          connectorName: connector.name,
          actor,
          action: 'test_send.sent',
          detail: `${input.usageType}, ${mode} mode, ${masked}: ${final.status}${final.status === 'failed' ? ` (${final.tencentCode})` : ''}`,
        },
        now,
      );
    });
    return toTestSend(final);
  }

  async function getRow(id: string): Promise<TestSendRow> {
    const row = await findTestSend(db, id);
    if (!row) throw createError('NOT_FOUND', `No test send ${id}`);
    return row;
  }

  async function verify(id: string, code: string, now = clock()): Promise<{ verified: true }> {
    const row = await getRow(id);
    if (row.status !== 'sent' || !row.codeHash) {
      throw createError(
        'CONFLICT',
        `This test send failed (${row.tencentCode ?? 'not sent'}): no code reached the phone, so there is nothing to verify`,
      );
    }
    if (row.verifiedAt) {
      // The right code again (a retried request) gets the same answer; anything else cannot change it.
      if (hasher.codeMatches(code, row.codeHash)) return { verified: true };
      throw createError('CONFLICT', `This test send was verified already (${row.verifiedAt})`);
    }
    if (row.verifyAttempts >= MAX_VERIFY_ATTEMPTS) throw exhausted();
    const expiresAt = Date.parse(row.createdAt) + CODE_TTL_MS;
    if (now.getTime() > expiresAt) {
      throw createError(
        'CODE_EXPIRED',
        `The code expired at ${new Date(expiresAt).toISOString()} (10 minutes after sending): send a new test code`,
        { expiredAt: new Date(expiresAt).toISOString() },
      );
    }
    const used = await takeVerifyAttempt(db, id);
    if (used === null) {
      const current = await getRow(id);
      if (current.verifiedAt) return verify(id, code, now);
      throw exhausted();
    }
    if (hasher.codeMatches(code, row.codeHash)) {
      await markVerified(db, id, now.toISOString());
      return { verified: true };
    }
    const attemptsLeft = MAX_VERIFY_ATTEMPTS - used;
    throw createError(
      'CODE_MISMATCH',
      attemptsLeft === 0
        ? `The code does not match, and that was the ${MAX_VERIFY_ATTEMPTS}th wrong code: send a new test code`
        : `The code does not match the one sent; ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left`,
      { attemptsLeft },
    );
  }

  /**
   * Tencent's delivery reports are a queue per SDK app: each is handed out once, and a batch may hold the
   * reports of other sends. Every report pulled is kept; a failed pull leaves the send pending.
   */
  async function refreshDelivery(row: TestSendRow, now: Date): Promise<void> {
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

  async function get(id: string): Promise<TestSend> {
    const row = await getRow(id);
    if (row.status !== 'sent' || row.deliveryStatus !== 'pending') return toTestSend(row);
    await refreshDelivery(row, clock());
    return toTestSend(await getRow(id));
  }

  async function list(query: { connectorId?: string; cursor?: string; limit?: number }) {
    const { rows, nextCursor } = await listTestSends(db, { ...query, limit: query.limit ?? 20 });
    return { items: rows.map(toTestSend), nextCursor };
  }

  return { create, verify, get, list };
}

function exhausted() {
  return createError(
    'CODE_ATTEMPTS_EXHAUSTED',
    `${MAX_VERIFY_ATTEMPTS} wrong codes were entered for this test send; even the right code is refused now: send a new test code`,
    { attemptsLeft: 0 },
  );
}

export type TestSendService = ReturnType<typeof createTestSendService>;
