import type { ConnectorEntry } from './state.ts';
import { type SmsMessage, TencentConnector } from './tencent-connector.ts';
import { LogtoRequestError } from './errors.ts';

export const tencentFactoryId = 'tencent-short-message-service';
export const otherSmsFactoryId = 'mock-short-message-service';

/** What the Management API needs of a connector factory: metadata, its guard, its sender. */
export interface SmsFactory {
  id: string;
  metadata: Record<string, unknown> & { id: string; target: string };
  validate(config: unknown): void;
  send(message: SmsMessage, config?: unknown): Promise<void>;
}

/**
 * A second SMS factory, standing in for any other SMS connector a tenant may have (Aliyun, Twilio, …), so
 * that "POST /api/connectors replaces every SMS connector" can be rehearsed. It accepts any JSON object
 * config and sends nothing, like Logto's own mock SMS connector used in its tests.
 */
function otherSmsFactory(): SmsFactory {
  return {
    id: otherSmsFactoryId,
    metadata: {
      id: otherSmsFactoryId,
      target: 'mock-sms',
      platform: null,
      name: { en: 'Mock SMS Service' },
      logo: './logo.svg',
      logoDark: null,
      description: { en: 'A stand-in for any SMS connector other than Tencent.' },
      readme: '',
      formItems: [],
    },
    validate(config) {
      if (typeof config !== 'object' || config === null || Array.isArray(config)) {
        throw new LogtoRequestError({ code: 'connector.invalid_config' });
      }
    },
    async send() {},
  };
}

export async function loadSmsFactories(getSaved: (factoryId: string) => ConnectorEntry | undefined) {
  const tencent = await TencentConnector.load(() => getSaved(tencentFactoryId)?.config);
  const factories: SmsFactory[] = [
    {
      id: tencentFactoryId,
      metadata: tencent.metadata as SmsFactory['metadata'],
      validate: (config) => tencent.validate(config),
      send: (message, config) => tencent.send(message, config),
    },
    otherSmsFactory(),
  ];
  return new Map(factories.map((factory) => [factory.id, factory]));
}

/** Logto's ConnectorFactoryResponse. */
export function factoryResponse(factory: SmsFactory) {
  return { type: 'Sms', isDemo: false, ...factory.metadata };
}

/** Logto's ConnectorResponse (transpileLogtoConnector): factory metadata, then the database row over it. */
export function connectorResponse(factory: SmsFactory, entry: ConnectorEntry) {
  return {
    type: 'Sms',
    ...factory.metadata,
    id: entry.id,
    connectorId: entry.connectorId,
    syncProfile: entry.syncProfile,
    enableTokenStorage: entry.enableTokenStorage,
    config: entry.config,
    metadata: entry.metadata,
    isDemo: false,
  };
}
