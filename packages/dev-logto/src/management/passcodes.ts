import { randomInt, randomUUID } from 'node:crypto';
import { LogtoRequestError } from './errors.ts';
import type { SmsFactory } from './factories.ts';
import type { ConnectorEntry, StateStore } from './state.ts';

/** Logto's passcode library: 6 digits, 10 minutes, 10 tries, one live code per phone and type. */
const expiresInMs = 10 * 60 * 1000;
const maxTries = 10;

export interface PasscodeDeps {
  store: StateStore;
  factories: ReadonlyMap<string, SmsFactory>;
  /** Called with every code sent, for logs; never with the connector's secrets. */
  onSent?: (event: { phone: string; type: string }) => void;
}

/** The tenant's one SMS connector, as Logto's getMessageConnector(ConnectorType.Sms) finds it. */
export function liveSmsConnector(deps: PasscodeDeps): { entry: ConnectorEntry; factory: SmsFactory } {
  for (const entry of deps.store.state.connectors) {
    const factory = deps.factories.get(entry.connectorId);
    if (factory) return { entry, factory };
  }
  throw new LogtoRequestError({ code: 'connector.not_found', type: 'Sms' });
}

export async function createAndSendPasscode(
  deps: PasscodeDeps,
  phone: string,
  type: string,
  context: { locale?: string; uiLocales?: string } = {},
): Promise<void> {
  const { factory } = liveSmsConnector(deps);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  deps.store.update((state) => {
    state.passcodes = state.passcodes.filter((row) => !(row.phone === phone && row.type === type));
    state.passcodes.push({
      id: randomUUID(),
      phone,
      type,
      code,
      consumed: false,
      tryCount: 0,
      createdAt: Date.now(),
    });
  });
  // The saved config, not one passed in: this is the tenant's live connector at work.
  await factory.send({ to: phone, type, payload: { code, ...context } });
  deps.onSent?.({ phone, type });
}

export function verifyPasscode(deps: PasscodeDeps, phone: string, type: string, code: string): void {
  const row = deps.store.state.passcodes.find((item) => item.phone === phone && item.type === type);
  if (!row || row.consumed) throw new LogtoRequestError({ code: 'verification_code.not_found' });
  if (Date.now() - row.createdAt > expiresInMs)
    throw new LogtoRequestError({ code: 'verification_code.expired' });
  if (row.tryCount >= maxTries) throw new LogtoRequestError({ code: 'verification_code.exceed_max_try' });
  if (row.code !== code) {
    deps.store.update((state) => {
      const stored = state.passcodes.find((item) => item.id === row.id);
      if (stored) stored.tryCount += 1;
    });
    throw new LogtoRequestError({ code: 'verification_code.code_mismatch' });
  }
  deps.store.update((state) => {
    const stored = state.passcodes.find((item) => item.id === row.id);
    if (stored) stored.consumed = true;
  });
}
