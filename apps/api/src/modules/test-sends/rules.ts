/** The rules a test code lives by; the repository only counts, these decide. */

/** A code is good for 10 minutes after the send. */
export const CODE_TTL_MS = 10 * 60_000;

/** Wrong codes allowed before the send refuses even the right one. */
export const MAX_VERIFY_ATTEMPTS = 5;

export function codeExpiresAt(createdAt: string): Date {
  return new Date(Date.parse(createdAt) + CODE_TTL_MS);
}

export function isExpired(createdAt: string, now: Date): boolean {
  return now.getTime() > codeExpiresAt(createdAt).getTime();
}

export function attemptsLeft(used: number): number {
  return Math.max(0, MAX_VERIFY_ATTEMPTS - used);
}
