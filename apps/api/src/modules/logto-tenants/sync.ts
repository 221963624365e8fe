/**
 * A smsdesk profile against the Tencent connector a Logto tenant really has: what the tenant's SMS connector
 * is, how it differs from a profile (drift), pushing a profile to it and importing one from it.
 */
import { fieldIssues } from '@smsdesk/shared/field-issues';
import { type LogtoTencentConfig, LogtoTencentConfigSchema } from '@smsdesk/shared/schemas/connectors';
import type { Drift, PushResult, TenantSmsConnector } from '@smsdesk/shared/schemas/logto-tenants';
import { createError } from '../../errors.ts';
import type { AuditService } from '../audit/service.ts';
import { noSecretYet } from '../connectors/rules.ts';
import type { ConnectorService } from '../connectors/service.ts';
import { driftBetween, type ProfileSide } from './drift.ts';
import {
  type LogtoConnector,
  LogtoHttpError,
  logtoName,
  type ManagementClient,
  type TenantConnection,
} from './management-client.ts';
import { rejected, versionConflict } from './refusals.ts';
import type { LogtoTenantRow } from './repository.ts';

export const tencentFactoryId = 'tencent-short-message-service';

/** How the sync reads a tenant: its row (404 when unknown) and its connection (the secret opened). */
export interface TenantAccess {
  row(id: string): Promise<LogtoTenantRow>;
  connection(row: LogtoTenantRow): TenantConnection;
}

/** The Logto JSON of a tenant's connector without its secret, and whether the secret is set. */
function configView(
  config: Record<string, unknown>,
): Record<string, unknown> & { accessKeySecretSet: boolean } {
  const { accessKeySecret, ...rest } = config;
  return { ...rest, accessKeySecretSet: typeof accessKeySecret === 'string' && accessKeySecret !== '' };
}

export function createTenantSync(
  deps: { audit: AuditService; connectors: ConnectorService; client: ManagementClient },
  tenants: TenantAccess,
) {
  const { audit, connectors, client } = deps;
  const getRow = (id: string) => tenants.row(id);
  const connectionOf = (row: LogtoTenantRow) => tenants.connection(row);

  /** Logto keeps one SMS connector per tenant; null when it has none. */
  async function liveSmsConnector(row: LogtoTenantRow): Promise<LogtoConnector | null> {
    const all = await client.connectors(connectionOf(row));
    return all.find((connector) => connector.type === 'Sms') ?? null;
  }

  async function smsConnector(id: string): Promise<TenantSmsConnector> {
    const live = await liveSmsConnector(await getRow(id));
    if (!live) return { present: false };
    const base = { present: true, factoryId: live.connectorId, logtoConnectorId: live.id };
    return live.connectorId === tencentFactoryId ? { ...base, config: configView(live.config ?? {}) } : base;
  }

  async function profileSide(connectorId: string): Promise<ProfileSide & { name: string; version: number }> {
    const { connector, credentials } = await connectors.credentialsIfSet(connectorId);
    return {
      name: connector.name,
      version: connector.version,
      accessKeyId: connector.accessKeyId,
      accessKeySecret: credentials?.secretKey ?? null,
      signName: connector.signName,
      region: connector.region,
      sdkAppId: connector.sdkAppId,
      templates: connector.templates,
    };
  }

  const tencentConfigOf = (live: LogtoConnector | null) =>
    live && live.connectorId === tencentFactoryId ? (live.config ?? {}) : null;

  async function drift(connectorId: string, tenantId: string): Promise<Drift> {
    const profile = await profileSide(connectorId);
    const live = await liveSmsConnector(await getRow(tenantId));
    return driftBetween(profile, tencentConfigOf(live));
  }

  async function push(
    connectorId: string,
    expectedVersion: number,
    input: { tenantId: string; replaceExisting?: boolean },
    actor: string,
  ): Promise<PushResult> {
    const profile = await profileSide(connectorId);
    if (profile.version !== expectedVersion)
      throw versionConflict(expectedVersion, profile.version, 'connector');
    if (profile.accessKeySecret === null) {
      throw noSecretYet(profile.name);
    }
    const tenant = await getRow(input.tenantId);
    const connection = connectionOf(tenant);
    const live = await liveSmsConnector(tenant);
    if (live && live.connectorId !== tencentFactoryId && !input.replaceExisting) {
      const name = logtoName(live.name) ?? live.connectorId;
      throw createError(
        'LOGTO_SMS_CONNECTOR_EXISTS',
        `Logto tenant "${tenant.name}" sends SMS through another connector, ${name} (${live.connectorId}, id ${live.id}); Logto keeps one SMS connector, so pushing deletes it`,
        {
          factoryId: live.connectorId,
          logtoConnectorId: live.id,
          name,
          fix: 'Push again with replaceExisting: true to replace it with the Tencent connector.',
        },
      );
    }
    const before = driftBetween(profile, tencentConfigOf(live));
    const config: LogtoTencentConfig = {
      accessKeyId: profile.accessKeyId,
      accessKeySecret: profile.accessKeySecret,
      signName: profile.signName,
      region: profile.region,
      sdkAppId: profile.sdkAppId,
      templates: profile.templates as LogtoTencentConfig['templates'],
    };
    const updating = live?.connectorId === tencentFactoryId ? live : null;
    const replaced = live && !updating ? ` replacing ${live.connectorId} ${live.id}` : '';
    const saved = await audit.attempt(
      {
        connectorId,
        connectorName: profile.name,
        actor,
        action: 'connector.pushed',
        changes: before.differences.map((d) => d.field),
        detail: `to Logto tenant "${tenant.name}" (${tenant.endpoint}): ${updating ? `update ${updating.id}` : `create${replaced}`}`,
      },
      async () => {
        try {
          return updating
            ? await client.updateConnector(connection, updating.id, config)
            : await client.createConnector(connection, tencentFactoryId, config);
        } catch (error) {
          if (error instanceof LogtoHttpError) {
            throw rejected(
              error,
              "the profile's config",
              'Fix what Logto names (it requires templates for Register, SignIn, ForgotPassword and Generic) and push again.',
            );
          }
          throw error;
        }
      },
      (result) =>
        `to Logto tenant "${tenant.name}" (${tenant.endpoint}): ${updating ? 'updated' : `created${replaced}`} ${result.id}`,
    );
    return {
      logtoConnectorId: saved.id,
      action: updating ? 'updated' : 'created',
      drift: driftBetween(profile, saved.config ?? {}),
    };
  }

  async function importFromTenant(tenantId: string, name: string, actor: string) {
    const tenant = await getRow(tenantId);
    const live = await liveSmsConnector(tenant);
    if (!live || live.connectorId !== tencentFactoryId) {
      throw createError(
        'NOT_FOUND',
        live
          ? `Logto tenant "${tenant.name}" sends SMS through ${live.connectorId}, not the Tencent connector: nothing to import`
          : `Logto tenant "${tenant.name}" has no SMS connector: nothing to import`,
        { factoryId: live?.connectorId ?? null },
      );
    }
    const config = live.config ?? {};
    const issues = fieldIssues(LogtoTencentConfigSchema, config);
    if (issues.length > 0) {
      throw createError(
        'LOGTO_CONFIG_UNSUPPORTED',
        `The Tencent connector of Logto tenant "${tenant.name}" does not fit a smsdesk profile (${issues.map((i) => i.field || 'config').join(', ')})`,
        {
          fields: issues.map((issue) => ({
            field: `logto.config.${issue.field}`.replace(/\.$/, ''),
            rule: issue.rule,
            message: `breaks the rule ${issue.rule}`,
          })),
        },
      );
    }
    return connectors.importLogtoConfig({ name, config: config as LogtoTencentConfig }, actor);
  }

  return {
    smsConnector,
    drift,
    push,
    importFromTenant,
    /** The tenant's live Tencent config (null: none) and its drift from a profile, in one read. */
    liveState: async (connectorId: string, tenantId: string) => {
      const profile = await profileSide(connectorId);
      const config = tencentConfigOf(await liveSmsConnector(await getRow(tenantId)));
      return { config, drift: driftBetween(profile, config) };
    },
  };
}
