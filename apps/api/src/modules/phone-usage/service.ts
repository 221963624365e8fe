import type { PhoneUsage } from '@smsdesk/shared/schemas/phone-usage';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { ConnectorService } from '../connectors/service.ts';
import type { CodeHasher } from '../test-sends/codes.ts';
import { maskPhone, parsePhone } from '../test-sends/phone.ts';

/** Tencent's documented defaults per number; only enterprise accounts can change them. */
export const tencentFrequencyDefaults = { sameContentSeconds: 30, perDay: 10 } as const;

/** Tencent counts natural days in China time (UTC+8). */
export function chinaDayStart(now: Date): Date {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return new Date(
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - 8 * 3600_000,
  );
}

export function createPhoneUsageService(deps: {
  db: Kysely<Database>;
  connectors: Pick<ConnectorService, 'get'>;
  hasher: Pick<CodeHasher, 'phoneHash'>;
  now: () => Date;
}) {
  return {
    async usage(connectorId: string, typed: string, country?: string): Promise<PhoneUsage> {
      const connector = await deps.connectors.get(connectorId);
      let phone: ReturnType<typeof parsePhone>;
      try {
        phone = parsePhone(typed, country, connector.international);
      } catch (error) {
        // The parser names body fields; here the number is in the query string.
        if (error instanceof AppError && error.details && typeof error.details === 'object') {
          const details = error.details as { fields?: { field: string }[] };
          for (const f of details.fields ?? []) f.field = f.field.replace(/^body\./, 'querystring.');
        }
        throw error;
      }
      const now = deps.now();
      const dayStartedAt = chinaDayStart(now).toISOString();
      // Tencent limits a number per SDK app: every connector on this app counts.
      const sends = deps.db
        .selectFrom('testSends')
        .innerJoin('connectors', 'connectors.id', 'testSends.connectorId')
        .where('connectors.sdkAppId', '=', connector.sdkAppId)
        .where('testSends.phoneHash', '=', deps.hasher.phoneHash(phone.e164))
        .where('testSends.status', '=', 'sent');
      const today = await sends
        .where('testSends.createdAt', '>=', dayStartedAt)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      const last = await sends.select((eb) => eb.fn.max('testSends.createdAt').as('at')).executeTakeFirst();
      const sentToday = Number(today.n);
      return {
        phoneNumberMasked: maskPhone(phone),
        tencentLimits: {
          ...tencentFrequencyDefaults,
          dayStartedAt,
          note: "Tencent's defaults for one number: the same content at most once per 30 seconds, at most 10 messages per natural day (China time). Only enterprise accounts can change them; sends by Logto or anyone else on this SDK app count too, and are not in this figure.",
        },
        sentToday,
        remainingToday: Math.max(0, tencentFrequencyDefaults.perDay - sentToday),
        lastSentAt: (last?.at as string | null | undefined) ?? null,
      };
    },
  };
}
