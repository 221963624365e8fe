/**
 * Logto tenants: where a smsdesk profile meets the connector Logto really has. The tenant's M2M secret is
 * sealed like a Tencent secret; every call to the tenant goes through the Management API client.
 */
import { randomUUID } from 'node:crypto';
import { etagOf } from '@smsdesk/shared/etag';
import { fieldIssues } from '@smsdesk/shared/field-issues';
import { type LogtoTencentConfig, LogtoTencentConfigSchema } from '@smsdesk/shared/schemas/connectors';
import type {
  CreateLogtoTenant,
  Drift,
  LogtoTenant,
  LogtoTenantVerification,
  PushResult,
  TenantSmsConnector,
  UpdateLogtoTenant,
} from '@smsdesk/shared/schemas/logto-tenants';
import type { Kysely, Updateable } from 'kysely';
import { isUniqueViolation } from '../../db/database.ts';
import type { Database, LogtoTenantsTable } from '../../db/schema.ts';
import { AppError, createError } from '../../errors.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import type { AuditService, NewAuditEvent } from '../audit/service.ts';
import type { ConnectorService } from '../connectors/service.ts';
import { driftBetween, type ProfileSide } from './drift.ts';
import {
  type LogtoConnector,
  LogtoHttpError,
  logtoName,
  type ManagementClient,
  type TenantConnection,
} from './management-client.ts';
import {
  deleteTenantRow,
  findTenantRow,
  insertTenantRow,
  type LogtoTenantRow,
  listTenantRows,
  markTenantVerified,
  updateTenantRow,
} from './repository.ts';

export const tencentFactoryId = 'tencent-short-message-service';

export interface LogtoTenantDeps {
  db: Kysely<Database>;
  secretBox: SecretBox;
  audit: AuditService;
  connectors: ConnectorService;
  client: ManagementClient;
  now?: () => Date;
}

/** The Management API resource Logto expects: the tenant's own on Logto Cloud, `default` self-hosted. */
export function defaultManagementApiResource(endpoint: string): string {
  const host = new URL(endpoint).hostname;
  const cloud = /^([a-z0-9-]+)\.logto\.app$/.exec(host);
  return cloud ? `https://${cloud[1]}.logto.app/api` : 'https://default.logto.app/api';
}

const normalizeUrl = (url: string) => url.trim().replace(/\/+$/, '');
const sealContext = (id: string) => `logto-tenant:${id}`;

function toTenant(row: LogtoTenantRow): LogtoTenant {
  return {
    id: row.id,
    name: row.name,
    endpoint: row.endpoint,
    managementApiResource: row.managementApiResource,
    appId: row.appId,
    hasAppSecret: row.secretCiphertext !== '',
    verifiedAt: row.verifiedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function notFound(id: string) {
  return createError('NOT_FOUND', `No Logto tenant ${id}`);
}

function nameTaken(name: string) {
  return createError('CONFLICT', `A Logto tenant named "${name}" already exists`, {
    fields: [{ field: 'body.name', rule: 'unique', message: 'is already used by another Logto tenant' }],
  });
}

function endpointInvalid(field: string) {
  return createError('VALIDATION_FAILED', `${field} must be an absolute http(s) URL`, {
    fields: [{ field: `body.${field}`, rule: 'format', message: 'is not an absolute http(s) URL' }],
  });
}

function checkUrl(value: string, field: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
  } catch {
    throw endpointInvalid(field);
  }
  return normalizeUrl(value);
}

/** A refusal of the tenant's own rules, with Logto's message (and its guard's issues) kept. */
function rejected(error: LogtoHttpError, what: string, fix: string) {
  const { message, code, details } = error.body;
  return createError('LOGTO_REJECTED', `Logto refused ${what}: ${message}${details ? ` ${details}` : ''}`, {
    logtoStatus: error.status,
    logtoCode: code,
    logtoMessage: message,
    ...(details ? { logtoDetails: details } : {}),
    fix,
  });
}

/** The Logto JSON of a tenant's connector without its secret, and whether the secret is set. */
function configView(
  config: Record<string, unknown>,
): Record<string, unknown> & { accessKeySecretSet: boolean } {
  const { accessKeySecret, ...rest } = config;
  return { ...rest, accessKeySecretSet: typeof accessKeySecret === 'string' && accessKeySecret !== '' };
}

type Attempt = <T>(
  event: NewAuditEvent,
  change: () => Promise<T>,
  describe?: (result: T) => string,
) => Promise<T>;

/**
 * A change at Logto under an audit record: the audit service's `attempt` (intent first, outcome after) where
 * it has one; otherwise the outcome is recorded after the call, failures included, so no change that may
 * have reached Logto goes unrecorded.
 */
function auditedChange(audit: AuditService): Attempt {
  const attempt = (audit as { attempt?: Attempt }).attempt;
  if (attempt) return attempt.bind(audit) as Attempt;
  return async (event, change, describe) => {
    let result: Awaited<ReturnType<typeof change>>;
    try {
      result = await change();
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      await audit.record({ ...event, detail: `${event.detail ?? ''} — failed (${code})`.trim() });
      throw error;
    }
    await audit.record({ ...event, ...(describe ? { detail: describe(result) } : {}) });
    return result;
  };
}

export function createLogtoTenantService(deps: LogtoTenantDeps) {
  const now = deps.now ?? (() => new Date());
  const { db, secretBox, audit, connectors, client } = deps;
  const attempt = auditedChange(audit);

  async function getRow(id: string): Promise<LogtoTenantRow> {
    const row = await findTenantRow(db, id);
    if (!row) throw notFound(id);
    return row;
  }

  function connectionOf(row: LogtoTenantRow): TenantConnection {
    return {
      key: row.id,
      endpoint: row.endpoint,
      managementApiResource: row.managementApiResource,
      appId: row.appId,
      appSecret: secretBox.open(row.secretCiphertext, sealContext(row.id)),
    };
  }

  /** A token, then the Tencent connector factory: proves the endpoint, the app and its permission. */
  async function probe(connection: TenantConnection): Promise<Omit<LogtoTenantVerification, 'verifiedAt'>> {
    try {
      const factory = await client.factory(connection, tencentFactoryId);
      return { factoryId: factory.id, factoryName: logtoName(factory.name) ?? factory.id };
    } catch (error) {
      if (error instanceof LogtoHttpError) {
        throw rejected(
          error,
          `to show its Tencent SMS connector factory (${tencentFactoryId})`,
          'This Logto has no Tencent SMS connector: use a Logto version that ships @logto/connector-tencent-sms.',
        );
      }
      throw error;
    }
  }

  async function create(input: CreateLogtoTenant, actor: string): Promise<LogtoTenant> {
    const id = randomUUID();
    const endpoint = checkUrl(input.endpoint, 'endpoint');
    const managementApiResource = input.managementApiResource
      ? checkUrl(input.managementApiResource, 'managementApiResource')
      : defaultManagementApiResource(endpoint);
    const name = input.name.trim();
    if ((await listTenantRows(db)).some((row) => row.name === name)) throw nameTaken(name);
    // A tenant smsdesk cannot talk to is not saved: the refusal names what to fix.
    await probe({ key: id, endpoint, managementApiResource, appId: input.appId, appSecret: input.appSecret });
    const at = now().toISOString();
    const row: LogtoTenantRow = {
      id,
      name,
      endpoint,
      managementApiResource,
      appId: input.appId,
      secretCiphertext: secretBox.seal(input.appSecret, sealContext(id)),
      verifiedAt: at,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    try {
      await db.transaction().execute(async (trx) => {
        await insertTenantRow(trx, row);
        await audit.record(
          {
            connectorId: null,
            connectorName: null,
            actor,
            action: 'logto_tenant.created',
            detail: `Logto tenant "${name}" at ${endpoint} (app ${input.appId})`,
          },
          trx,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
    return toTenant(row);
  }

  async function update(id: string, expectedVersion: number, patch: UpdateLogtoTenant, actor: string) {
    const before = await getRow(id);
    const changes: Updateable<LogtoTenantsTable> = { updatedAt: now().toISOString() };
    const changed: string[] = [];
    const set = <K extends 'name' | 'endpoint' | 'managementApiResource' | 'appId'>(
      key: K,
      value: string,
    ) => {
      if (before[key] !== value) {
        changes[key] = value;
        changed.push(key);
      }
    };
    if (patch.name !== undefined) set('name', patch.name.trim());
    if (patch.endpoint !== undefined) set('endpoint', checkUrl(patch.endpoint, 'endpoint'));
    if (patch.managementApiResource !== undefined)
      set('managementApiResource', checkUrl(patch.managementApiResource, 'managementApiResource'));
    if (patch.appId !== undefined) set('appId', patch.appId);
    if (patch.appSecret !== undefined) {
      changes.secretCiphertext = secretBox.seal(patch.appSecret, sealContext(id));
      changed.push('secret changed');
    }
    if (before.version !== expectedVersion) throw versionConflict(expectedVersion, before.version);
    // New connection settings are proven before they replace the ones that work.
    const connects = changed.some((field) => field !== 'name');
    if (connects) {
      await probe({
        key: id,
        endpoint: changes.endpoint ?? before.endpoint,
        managementApiResource: changes.managementApiResource ?? before.managementApiResource,
        appId: changes.appId ?? before.appId,
        appSecret: patch.appSecret ?? secretBox.open(before.secretCiphertext, sealContext(id)),
      });
      changes.verifiedAt = now().toISOString();
    }
    let updated = false;
    try {
      updated = await db.transaction().execute(async (trx) => {
        const ok = await updateTenantRow(trx, id, expectedVersion, changes);
        if (ok) {
          await audit.record(
            {
              connectorId: null,
              connectorName: null,
              actor,
              action: 'logto_tenant.updated',
              changes: changed,
              detail: `Logto tenant "${changes.name ?? before.name}"`,
            },
            trx,
          );
        }
        return ok;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(String(changes.name));
      throw error;
    }
    if (!updated) throw versionConflict(expectedVersion, (await getRow(id)).version);
    if (connects) client.forget(id);
    return toTenant(await getRow(id));
  }

  async function remove(id: string, actor: string): Promise<void> {
    const row = await getRow(id);
    await db.transaction().execute(async (trx) => {
      if (!(await deleteTenantRow(trx, id))) throw notFound(id);
      await audit.record(
        {
          connectorId: null,
          connectorName: null,
          actor,
          action: 'logto_tenant.deleted',
          detail: `Logto tenant "${row.name}" at ${row.endpoint}`,
        },
        trx,
      );
    });
    client.forget(id);
  }

  async function verify(id: string): Promise<LogtoTenantVerification> {
    const row = await getRow(id);
    const result = await probe(connectionOf(row));
    const verifiedAt = now().toISOString();
    await markTenantVerified(db, id, verifiedAt);
    return { verifiedAt, ...result };
  }

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
      throw createError(
        'CONFLICT',
        `Connector "${profile.name}" has no access key secret yet: set one first`,
        {
          fields: [{ field: 'accessKeySecret', rule: 'required', message: 'is not set' }],
        },
      );
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
    const saved = await attempt(
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
    list: async () => (await listTenantRows(db)).map(toTenant),
    get: async (id: string) => toTenant(await getRow(id)),
    create,
    update,
    remove,
    verify,
    smsConnector,
    drift,
    push,
    importFromTenant,
    /** For the test sends through a tenant. */
    connection: async (id: string) => {
      const row = await getRow(id);
      return { tenant: toTenant(row), connection: connectionOf(row) };
    },
    /** The tenant's live Tencent config (null: none) and its drift from a profile, in one read. */
    liveState: async (connectorId: string, tenantId: string) => {
      const profile = await profileSide(connectorId);
      const config = tencentConfigOf(await liveSmsConnector(await getRow(tenantId)));
      return { config, drift: driftBetween(profile, config) };
    },
    /** Logto's console test: `config` (not the saved one), Generic with code 000000. */
    consoleTest: async (tenantId: string, phone: string, config: LogtoTencentConfig) =>
      client.testConnector(connectionOf(await getRow(tenantId)), tencentFactoryId, phone, config),
    sendCode: async (tenantId: string, phone: string) =>
      client.sendVerificationCode(connectionOf(await getRow(tenantId)), phone),
    verifyCode: async (tenantId: string, phone: string, code: string) =>
      client.verifyVerificationCode(connectionOf(await getRow(tenantId)), phone, code),
  };
}

function versionConflict(expected: number, current: number, what = 'Logto tenant') {
  return createError(
    'VERSION_CONFLICT',
    `The ${what} changed since you read it (you have version ${expected}, it is at ${current}): reload it and apply your change again`,
    { currentVersion: current, etag: etagOf(current) },
    { etag: etagOf(current) },
  );
}

export type LogtoTenantService = ReturnType<typeof createLogtoTenantService>;
