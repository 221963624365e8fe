import type { TestSend } from '@smsdesk/shared/schemas/test-sends';
import { describe, expect, it } from 'vitest';
import { canStillVerify, matchesHistoryFilter, noHistoryFilter } from './test-sends-history.tsx';

const now = Date.parse('2026-12-03T08:00:00Z');
const send = (change: Partial<TestSend> = {}): TestSend =>
  ({
    status: 'sent',
    usageType: 'SignIn',
    phoneNumberMasked: '+86 138****8001',
    verified: false,
    verifyAttemptsLeft: 5,
    codeExpiresAt: '2026-12-03T08:05:00Z',
    ...change,
  }) as TestSend;

describe('the test-send history', () => {
  it('filters by status, usage type and the digits of the number', () => {
    expect(matchesHistoryFilter(send(), noHistoryFilter)).toBe(true);
    expect(matchesHistoryFilter(send(), { ...noHistoryFilter, status: 'failed' })).toBe(false);
    expect(matchesHistoryFilter(send({ status: 'failed' }), { ...noHistoryFilter, status: 'failed' })).toBe(
      true,
    );
    expect(matchesHistoryFilter(send(), { ...noHistoryFilter, usageType: 'Register' })).toBe(false);
    expect(matchesHistoryFilter(send(), { ...noHistoryFilter, number: '8001' })).toBe(true);
    expect(matchesHistoryFilter(send(), { ...noHistoryFilter, number: ' 80-01 ' })).toBe(true);
    expect(matchesHistoryFilter(send(), { ...noHistoryFilter, number: '9999' })).toBe(false);
  });

  it('offers the code entry only while the API can still accept a code', () => {
    expect(canStillVerify(send(), now)).toBe(true);
    expect(canStillVerify(send({ verified: true }), now)).toBe(false);
    expect(canStillVerify(send({ status: 'failed' }), now)).toBe(false);
    expect(canStillVerify(send({ verifyAttemptsLeft: 0 }), now)).toBe(false);
    expect(canStillVerify(send({ codeExpiresAt: '2026-12-03T07:59:00Z' }), now)).toBe(false);
  });
});
