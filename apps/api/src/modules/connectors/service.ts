import { randomUUID } from 'node:crypto';
import type {
  Connector,
  CreateConnector,
  ImportConnector,
  LogtoTencentConfig,
  TemplateMapping,
  UpdateConnector,
} from '@smsdesk/shared/schemas/connectors';
import { etagOf } from '@smsdesk/shared/etag';
import type { Kysely, Updateable } from 'kysely';
import { isUniqueViolation } from '../../db/database.ts';
import type { ConnectorsTable, Database } from '../../db/schema.ts';
import { createError } from '../../errors.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import type { TencentCredentials } from '../../tencent/gateway.ts';
import type { AuditService } from '../audit/service.ts';
import {
  type ConnectorRow,
  deleteConnectorRow,
  findConnectorRow,
  insertConnectorRow,
  listConnectorRows,
  updateConnectorRow,
} from './repository.ts';
import {
  assertSignAndRegion,
  assertUniqueUsageTypes,
  nameTaken,
  noSecretYet,
  notFound,
  templateMappingDiff,
} from './rules.ts';

export interface ConnectorDeps {
  db: Kysely<Database>;
  secretBox: SecretBox;
  audit: AuditService;
  now?: () => Date;
  /** See `Db.externalChanges`: when given, the list is cached until a write here or elsewhere. */
  externalChanges?: () => number;
}

export function toConnector(row: ConnectorRow): Connector {
  return {
    id: row.id,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    accessKeyId: row.accessKeyId,
    hasAccessKeySecret: row.secretCiphertext !== null,
    signName: row.signName,
    region: row.region,
    sdkAppId: row.sdkAppId,
    international: row.international === 1,
    templates: JSON.parse(row.templates) as TemplateMapping[],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export function createConnectorService(deps: ConnectorDeps) {
  const now = deps.now ?? (() => new Date());
  const { db, secretBox, audit } = deps;

  // GET /api/connectors is the hot read; connectors change rarely. The cache is keyed by this service's own
  // write count and SQLite's data_version (other processes' commits), both taken before the read.
  let ownWrites = 0;
  let listCache: { key: string; items: Connector[] } | null = null;
  const wrote = () => {
    ownWrites += 1;
    listCache = null;
  };
  async function list(): Promise<Connector[]> {
    if (!deps.externalChanges) return (await listConnectorRows(db)).map(toConnector);
    const key = `${ownWrites}:${deps.externalChanges()}`;
    if (listCache?.key === key) return listCache.items;
    const items = (await listConnectorRows(db)).map(toConnector);
    listCache = { key, items };
    return items;
  }

  async function getRow(id: string): Promise<ConnectorRow> {
    const row = await findConnectorRow(db, id);
    if (!row) throw notFound(id);
    return row;
  }

  async function create(
    input: CreateConnector,
    actor: string,
    action: 'connector.created' | 'connector.imported' = 'connector.created',
  ): Promise<Connector> {
    assertUniqueUsageTypes(input.templates);
    assertSignAndRegion(input);
    const id = randomUUID();
    const at = now().toISOString();
    const row: ConnectorRow = {
      id,
      name: input.name.trim(),
      description: input.description ?? null,
      accessKeyId: input.accessKeyId,
      secretCiphertext: input.accessKeySecret ? secretBox.seal(input.accessKeySecret, id) : null,
      signName: input.signName,
      region: input.region,
      sdkAppId: input.sdkAppId,
      international: input.international ? 1 : 0,
      templates: JSON.stringify(input.templates ?? []),
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    try {
      await db.transaction().execute(async (trx) => {
        await insertConnectorRow(trx, row);
        await audit.record({ connectorId: id, connectorName: row.name, actor, action }, trx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(row.name);
      throw error;
    } finally {
      wrote();
    }
    return toConnector(row);
  }

  async function update(id: string, expectedVersion: number, patch: UpdateConnector, actor: string) {
    assertUniqueUsageTypes(patch.templates);
    assertSignAndRegion(patch);
    const before = await getRow(id);
    const changes: Updateable<ConnectorsTable> = { updatedAt: now().toISOString() };
    const changed: string[] = [];
    const set = <K extends keyof ConnectorsTable>(field: string, key: K, value: ConnectorsTable[K]) => {
      if (before[key] !== value) {
        changes[key] = value as never;
        changed.push(field);
      }
    };
    if (patch.name !== undefined) set('name', 'name', patch.name.trim());
    if (patch.description !== undefined) set('description', 'description', patch.description);
    if (patch.accessKeyId !== undefined) set('accessKeyId', 'accessKeyId', patch.accessKeyId);
    if (patch.signName !== undefined) set('signName', 'signName', patch.signName);
    if (patch.region !== undefined) set('region', 'region', patch.region);
    if (patch.sdkAppId !== undefined) set('sdkAppId', 'sdkAppId', patch.sdkAppId);
    if (patch.international !== undefined) set('international', 'international', patch.international ? 1 : 0);
    if (patch.templates !== undefined) set('templates', 'templates', JSON.stringify(patch.templates));
    if (patch.accessKeySecret !== undefined) {
      changes.secretCiphertext = secretBox.seal(patch.accessKeySecret, id);
      changed.push('secret changed');
    }
    let updated = false;
    try {
      updated = await db.transaction().execute(async (trx) => {
        const ok = await updateConnectorRow(trx, id, expectedVersion, changes);
        if (ok) {
          await audit.record(
            {
              connectorId: id,
              connectorName: changes.name ?? before.name,
              actor,
              action: 'connector.updated',
              changes: changed,
              ...(changed.includes('templates') && patch.templates
                ? {
                    detail: templateMappingDiff(
                      JSON.parse(before.templates) as TemplateMapping[],
                      patch.templates,
                    ),
                  }
                : {}),
            },
            trx,
          );
        }
        return ok;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(String(changes.name));
      throw error;
    } finally {
      wrote();
    }
    if (!updated) {
      const current = await getRow(id);
      throw createError(
        'VERSION_CONFLICT',
        `The connector changed since you read it (you have version ${expectedVersion}, it is at ${current.version}): reload it and apply your change again`,
        { currentVersion: current.version, etag: etagOf(current.version) },
        { etag: etagOf(current.version) },
      );
    }
    return toConnector(await getRow(id));
  }

  async function remove(id: string, actor: string): Promise<void> {
    const row = await getRow(id);
    try {
      await db.transaction().execute(async (trx) => {
        if (!(await deleteConnectorRow(trx, id))) throw notFound(id);
        await audit.record(
          { connectorId: id, connectorName: row.name, actor, action: 'connector.deleted' },
          trx,
        );
      });
    } finally {
      wrote();
    }
  }

  function secretOf(row: ConnectorRow): string {
    if (!row.secretCiphertext) {
      throw noSecretYet(row.name);
    }
    return secretBox.open(row.secretCiphertext, row.id);
  }

  async function exportLogtoConfig(id: string, actor: string): Promise<LogtoTencentConfig> {
    const row = await getRow(id);
    const config: LogtoTencentConfig = {
      accessKeyId: row.accessKeyId,
      accessKeySecret: secretOf(row),
      signName: row.signName,
      region: row.region,
      sdkAppId: row.sdkAppId,
      templates: JSON.parse(row.templates) as TemplateMapping[],
    };
    await audit.record({ connectorId: id, connectorName: row.name, actor, action: 'connector.exported' });
    return config;
  }

  async function importLogtoConfig(input: ImportConnector, actor: string): Promise<Connector> {
    assertUniqueUsageTypes(input.config.templates, 'body.config.templates');
    return create(
      {
        name: input.name,
        description: input.description,
        international: input.international,
        ...input.config,
      },
      actor,
      'connector.imported',
    );
  }

  /** For the calls that need Tencent: a connector without a secret is a 409 naming the field. */
  async function credentials(id: string): Promise<{ connector: Connector; credentials: TencentCredentials }> {
    const row = await getRow(id);
    return { connector: toConnector(row), credentials: credentialsOf(row, secretOf(row)) };
  }

  /** For the callers that report a missing secret themselves (the check): `null` instead of a 409. */
  async function credentialsIfSet(
    id: string,
  ): Promise<{ connector: Connector; credentials: TencentCredentials | null }> {
    const row = await getRow(id);
    const credentials = row.secretCiphertext
      ? credentialsOf(row, secretBox.open(row.secretCiphertext, row.id))
      : null;
    return { connector: toConnector(row), credentials };
  }

  return {
    list,
    get: async (id: string) => toConnector(await getRow(id)),
    create,
    update,
    remove,
    exportLogtoConfig,
    importLogtoConfig,
    credentials,
    credentialsIfSet,
  };
}

function credentialsOf(row: ConnectorRow, secretKey: string): TencentCredentials {
  return { secretId: row.accessKeyId, secretKey, region: row.region };
}

export type ConnectorService = ReturnType<typeof createConnectorService>;
