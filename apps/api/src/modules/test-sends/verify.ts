/** Proving a code reached the phone: the TTL, the attempt limit, and parallel guesses. */
import { AppError, createError } from '../../errors.ts';
import { findTestSend, markVerified, type TestSendRow, takeVerifyAttempt } from './repository.ts';
import { MAX_VERIFY_ATTEMPTS, codeExpiresAt, isExpired } from './rules.ts';
import type { TestSendDeps } from './service.ts';
import { verifyThroughLogto } from './tenant-modes.ts';

export async function findRow(deps: Pick<TestSendDeps, 'db'>, id: string): Promise<TestSendRow> {
  const row = await findTestSend(deps.db, id);
  if (!row) throw createError('NOT_FOUND', `No test send ${id}`);
  return row;
}

export function createVerifier(deps: TestSendDeps, clock: () => Date) {
  const { db, hasher } = deps;

  /** Each verification that took an attempt is audited, right or wrong (never the code itself). */
  async function audited(row: TestSendRow, actor: string | undefined, verified: boolean, detail: string) {
    if (!actor) return;
    const connector = await deps.connectors.get(row.connectorId).catch(() => null);
    await deps.audit.record({
      connectorId: row.connectorId,
      connectorName: connector?.name ?? null,
      actor,
      action: verified ? 'test_send.verified' : 'test_send.verify_failed',
      detail: `${row.usageType}, ${row.mode} mode, ${row.phoneNumberMasked}: ${detail}`,
    });
  }

  return async function verify(
    id: string,
    code: string,
    actor?: string,
    now = clock(),
  ): Promise<{ verified: true }> {
    const row = await findRow(deps, id);
    // Logto generated this code and knows it: Logto checks it (tenant-modes.ts).
    if (row.mode === 'logto-live' && row.status === 'sent' && !row.verifiedAt) {
      try {
        const result = await verifyThroughLogto(deps, row, code, now);
        await audited(row, actor, true, 'the right code, checked by Logto');
        return result;
      } catch (error) {
        if (error instanceof AppError && error.code === 'CODE_MISMATCH') {
          const left = (error.details as { attemptsLeft?: number } | undefined)?.attemptsLeft;
          await audited(row, actor, false, `a wrong code (Logto refused it), ${left ?? '?'} attempts left`);
        }
        throw error;
      }
    }
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
    if (isExpired(row.createdAt, now)) {
      const expiredAt = codeExpiresAt(row.createdAt).toISOString();
      throw createError(
        'CODE_EXPIRED',
        `The code expired at ${expiredAt} (10 minutes after sending): send a new test code`,
        { expiredAt },
      );
    }
    const used = await takeVerifyAttempt(db, id, MAX_VERIFY_ATTEMPTS);
    if (used === null) {
      const current = await findRow(deps, id);
      if (current.verifiedAt) return verify(id, code, undefined, now);
      throw exhausted();
    }
    if (hasher.codeMatches(code, row.codeHash)) {
      await markVerified(db, id, now.toISOString());
      await audited(row, actor, true, 'the right code');
      return { verified: true };
    }
    const attemptsLeft = MAX_VERIFY_ATTEMPTS - used;
    await audited(
      row,
      actor,
      false,
      `a wrong code, ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left`,
    );
    throw createError(
      'CODE_MISMATCH',
      attemptsLeft === 0
        ? `The code does not match, and that was the ${MAX_VERIFY_ATTEMPTS}th wrong code: send a new test code`
        : `The code does not match the one sent; ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left`,
      { attemptsLeft },
    );
  };
}

function exhausted() {
  return createError(
    'CODE_ATTEMPTS_EXHAUSTED',
    `${MAX_VERIFY_ATTEMPTS} wrong codes were entered for this test send; even the right code is refused now: send a new test code`,
    { attemptsLeft: 0 },
  );
}
