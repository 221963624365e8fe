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
    // The code went to the sender's phone: only the sender may prove it arrived. Reading stays open.
    if (actor !== undefined && row.actor !== actor) {
      throw createError('FORBIDDEN', 'Only the user who sent this test code may verify it', {
        reason: 'not_sender',
      });
    }
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
      // The right code again (a retried request) gets the same answer. A wrong one still takes an attempt:
      // otherwise "verified already" vs "verified" would answer unlimited guesses, and once the attempts
      // are spent every code gets the same answer.
      if (row.verifyAttempts >= MAX_VERIFY_ATTEMPTS) throw exhausted();
      if (hasher.codeMatches(code, row.codeHash)) return { verified: true };
      const used = await takeVerifyAttempt(db, id, MAX_VERIFY_ATTEMPTS, { afterVerified: true });
      if (used === null) throw exhausted();
      const left = MAX_VERIFY_ATTEMPTS - used;
      await audited(row, actor, false, `a wrong code after it was verified, ${attemptsText(left)} left`);
      throw createError(
        'CONFLICT',
        `This test send was verified already (${row.verifiedAt}); that code is not the one sent (${attemptsText(left)} left)`,
        { attemptsLeft: left },
      );
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
    await audited(row, actor, false, `a wrong code, ${attemptsText(attemptsLeft)} left`);
    throw createError(
      'CODE_MISMATCH',
      attemptsLeft === 0
        ? `The code does not match, and that was the ${MAX_VERIFY_ATTEMPTS}th wrong code: send a new test code`
        : `The code does not match the one sent; ${attemptsText(attemptsLeft)} left`,
      { attemptsLeft },
    );
  };
}

function attemptsText(left: number) {
  return `${left} attempt${left === 1 ? '' : 's'}`;
}

function exhausted() {
  return createError(
    'CODE_ATTEMPTS_EXHAUSTED',
    `${MAX_VERIFY_ATTEMPTS} wrong codes were entered for this test send; even the right code is refused now: send a new test code`,
    { attemptsLeft: 0 },
  );
}
