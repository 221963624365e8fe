import {
  ConnectorError,
  type CreateConnector,
  type SmsConnector,
  validateConfig,
} from '@logto/connector-kit';
import { fromConnectorError, LogtoRequestError } from './errors.ts';

export interface SmsMessage {
  to: string;
  type: string;
  payload: { code: string; locale?: string; uiLocales?: string };
}

/**
 * The real `@logto/connector-tencent-sms`, loaded the way Logto loads a connector factory: its metadata,
 * its own config guard and its own `sendMessage`. `getConfig` reads the tenant's saved connector, which is
 * what Logto's connector library hands it.
 */
export class TencentConnector {
  readonly #connector: SmsConnector;

  private constructor(connector: SmsConnector) {
    this.#connector = connector;
  }

  static async load(getConfig: () => unknown): Promise<TencentConnector> {
    // The package ships JavaScript only (no types) and every package that type-checks this file would need
    // an ambient declaration: a computed specifier keeps it untyped here, typed by connector-kit below.
    const specifier = '@logto/connector-tencent-sms';
    const { default: createTencentSmsConnector } = (await import(specifier)) as {
      default: CreateConnector<SmsConnector>;
    };
    const connector = await createTencentSmsConnector({
      getConfig: async () => {
        const config = getConfig();
        if (config === undefined) throw new LogtoRequestError({ code: 'connector.not_found', type: 'Sms' });
        return config;
      },
    });
    return new TencentConnector(connector);
  }

  get metadata(): SmsConnector['metadata'] {
    return this.#connector.metadata;
  }

  get type(): SmsConnector['type'] {
    return this.#connector.type;
  }

  /** Throws Logto's 400 `connector.invalid_config` with the guard's issues when the config is refused. */
  validate(config: unknown): void {
    translate(() => validateConfig(config, this.#connector.configGuard));
  }

  /** Sends with `config` (the Console test) or, without it, with the saved connector's config. */
  async send(message: SmsMessage, config?: unknown): Promise<void> {
    // Logto passes its usage-type string through; the connector matches it against the templates as is.
    await translateAsync(() =>
      this.#connector.sendMessage(message as Parameters<SmsConnector['sendMessage']>[0], config),
    );
  }
}

function translate<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof ConnectorError ? fromConnectorError(error) : error;
  }
}

async function translateAsync<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConnectorError) throw fromConnectorError(error);
    if (error instanceof LogtoRequestError) throw error;
    // The connector lets got's network and parse errors through; Logto answers them as a connector error.
    throw new LogtoRequestError(
      { code: 'connector.general', errorDescription: (error as Error).message },
      { message: (error as Error).message },
    );
  }
}
