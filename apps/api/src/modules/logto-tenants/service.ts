/**
 * Logto tenants: where a smsdesk profile meets the connector Logto really has. The tenant's M2M secret is
 * sealed like a Tencent secret; every call to the tenant goes through the Management API client. What a
 * profile does against the tenant's connector (drift, push, import) is `sync.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { LogtoTencentConfig } from '@smsdesk/shared/schemas/connectors';
import type {
  CreateLogtoTenant,
  LogtoTenant,
  LogtoTenantVerification,
  UpdateLogtoTenant,
} from '@smsdesk/shared/schemas/logto-tenants';
import type { Kysely, Updateable } from 'kysely';
import { isUniqueViolation } from '../../db/database.ts';
import type { Database, LogtoTenantsTable } from '../../db/schema.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import type { AuditService } from '../audit/service.ts';
import type { ConnectorService } from '../connectors/service.ts';
import {
  LogtoHttpError,
  logtoName,
  type ManagementClient,
  type TenantConnection,
} from './management-client.ts';
import { checkUrl, nameTaken, notFound, rejected, versionConflict } from './refusals.ts';
import {
  deleteTenantRow,
  findTenantRow,
  insertTenantRow,
  type LogtoTenantRow,
  listTenantRows,
  markTenantVerified,
  updateTenantRow,
} from './repository.ts';
import { createTenantSync, tencentFactoryId } from './sync.ts';

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

export function createLogtoTenantService(deps: LogtoTenantDeps) {
  const now = deps.now ?? (() => new Date());
  const { db, secretBox, audit, client } = deps;
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

  const sync = createTenantSync(deps, { row: getRow, connection: connectionOf });

  return {
    list: async () => (await listTenantRows(db)).map(toTenant),
    get: async (id: string) => toTenant(await getRow(id)),
    create,
    update,
    remove,
    verify,
    ...sync,
    /** For the test sends through a tenant. */
    connection: async (id: string) => {
      const row = await getRow(id);
      return { tenant: toTenant(row), connection: connectionOf(row) };
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

export type LogtoTenantService = ReturnType<typeof createLogtoTenantService>;
