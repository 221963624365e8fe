import type { Connector } from '@smsdesk/shared/schemas/connectors';
import type { Sign, Template, TemplateInput, TemplateStatus } from '@smsdesk/shared/schemas/templates';
import { checkTemplateContent, type SmsType, templateVariables } from '@smsdesk/shared/template-rules';
import { type UsageType, usageTypes } from '@smsdesk/shared/usage-types';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, createError } from '../../errors.ts';
import type {
  TencentCredentials,
  TencentErrorDetails,
  TencentGateway,
  TencentSign,
  TencentTemplate,
} from '../../tencent/gateway.ts';
import type { AuditService } from '../audit/service.ts';
import type { ConnectorService } from '../connectors/service.ts';
import { forgetSmsType, saveSmsType, smsTypesOf } from './repository.ts';

export interface TemplateDeps {
  db: Kysely<Database>;
  tencent: TencentGateway;
  connectors: ConnectorService;
  audit: AuditService;
  now?: () => Date;
}

const VERIFICATION_CODE: SmsType = 3;
const LOCKED_MESSAGE = 'Tencent forbids changing an approved template: create a new one and map it instead';
const lockedStatuses: readonly TemplateStatus[] = ['approved', 'approved_pending'];

/** This connector's usage types mapped to a template code, in Logto's order. */
export function usageTypesMappedTo(
  connector: Pick<Connector, 'templates'>,
  templateCode: string,
): UsageType[] {
  const mapped = new Set(
    connector.templates.filter((m) => m.templateCode === templateCode).map((m) => m.usageType),
  );
  return usageTypes.filter((t) => mapped.has(t));
}

export function toTemplate(
  t: TencentTemplate,
  smsType: SmsType | null,
  connector: Pick<Connector, 'templates'>,
): Template {
  return {
    templateId: t.templateId,
    name: t.name,
    content: t.content,
    status: t.status,
    reviewReply: t.reviewReply,
    smsType,
    variableCount: templateVariables(t.content).length,
    international: t.international,
    createdAt: t.createdAt,
    usageTypes: usageTypesMappedTo(connector, t.templateId),
  };
}

function toSign(s: TencentSign): Sign {
  return {
    signId: s.signId,
    signName: s.signName,
    status: s.status,
    reviewReply: s.reviewReply,
    international: s.international,
    createdAt: s.createdAt,
  };
}

const side = (international: boolean) => (international ? 'international' : 'mainland');

/** Tencent would refuse it, or Logto could not use it: say so before anything reaches Tencent. */
function assertContentAllowed(input: TemplateInput, connector: Connector, smsType: SmsType) {
  const violations = checkTemplateContent(input.content, {
    smsType,
    international: connector.international,
    signName: connector.signName,
  });
  if (violations.length === 0) return;
  throw createError(
    'VALIDATION_FAILED',
    `The template content breaks a rule: ${violations.map((v) => v.message).join('; ')}`,
    {
      fields: violations.map((v) => ({ field: 'body.content', rule: v.rule, message: v.message })),
    },
  );
}

function tencentCodeOf(error: unknown): string | undefined {
  return error instanceof AppError
    ? (error.details as TencentErrorDetails | undefined)?.tencentCode
    : undefined;
}

export function createTemplateService(deps: TemplateDeps) {
  const { db, tencent, connectors } = deps;
  const now = deps.now ?? (() => new Date());

  async function withTencent(connectorId: string) {
    const { connector, credentials } = await connectors.credentials(connectorId);
    return { connector, creds: credentials };
  }

  async function decorate(connector: Connector, found: TencentTemplate[]): Promise<Template[]> {
    const smsTypes = await smsTypesOf(
      db,
      found.map((t) => t.templateId),
    );
    return found.map((t) => toTemplate(t, smsTypes.get(t.templateId) ?? null, connector));
  }

  async function findOne(connector: Connector, creds: TencentCredentials, templateId: string) {
    const [found] = await tencent.listTemplates(creds, {
      international: connector.international,
      templateIds: [templateId],
    });
    if (!found) {
      throw createError(
        'TEMPLATE_NOT_FOUND',
        `Template ${templateId} does not exist at Tencent on the ${side(connector.international)} side of this connector's account`,
        { templateId },
      );
    }
    return found;
  }

  /** The template as Tencent has it now; what we sent if the read-back fails (the change did happen). */
  async function readBack(
    connector: Connector,
    creds: TencentCredentials,
    templateId: string,
    input: TemplateInput,
    smsType: SmsType,
  ): Promise<Template> {
    try {
      const [found] = await tencent.listTemplates(creds, {
        international: connector.international,
        templateIds: [templateId],
      });
      if (found) return toTemplate(found, smsType, connector);
    } catch {
      // fall through to what we know
    }
    return toTemplate(
      {
        templateId,
        name: input.name,
        content: input.content,
        status: 'reviewing',
        statusCode: 1,
        reviewReply: null,
        international: connector.international,
        createdAt: null,
      },
      smsType,
      connector,
    );
  }

  /** A change at Tencent under an audit record written before it (see `AuditService.attempt`). */
  function audited<T>(
    connector: Connector,
    actor: string,
    action: 'template.created' | 'template.modified' | 'template.deleted',
    detail: string,
    change: () => Promise<T>,
    describe?: (result: T) => string,
  ): Promise<T> {
    return deps.audit.attempt(
      { connectorId: connector.id, connectorName: connector.name, actor, action, detail },
      change,
      describe,
    );
  }

  return {
    /** The SmsType of the templates smsdesk created or modified; others are absent. */
    smsTypesOf: (templateIds: string[]) => smsTypesOf(db, templateIds),

    async list(connectorId: string): Promise<Template[]> {
      const { connector, creds } = await withTencent(connectorId);
      const found = await tencent.listTemplates(creds, { international: connector.international });
      return decorate(connector, found);
    },

    async create(connectorId: string, input: TemplateInput, actor: string): Promise<Template> {
      const smsType = input.smsType ?? VERIFICATION_CODE;
      const connector = await connectors.get(connectorId);
      assertContentAllowed(input, connector, smsType);
      const { creds } = await withTencent(connectorId);
      const { templateId } = await audited(
        connector,
        actor,
        'template.created',
        `template "${input.name}"`,
        () =>
          tencent.addTemplate(creds, {
            name: input.name,
            content: input.content,
            smsType,
            international: connector.international,
            ...(input.remark !== undefined ? { remark: input.remark } : {}),
          }),
        (added) => `template ${added.templateId} "${input.name}"`,
      );
      await saveSmsType(db, templateId, smsType, now());
      return readBack(connector, creds, templateId, input, smsType);
    },

    async modify(
      connectorId: string,
      templateId: string,
      input: TemplateInput,
      actor: string,
    ): Promise<Template> {
      // Without a SmsType in the body, a template made here keeps the one it was made with.
      const known = (await smsTypesOf(db, [templateId])).get(templateId);
      const smsType = input.smsType ?? known ?? VERIFICATION_CODE;
      const connector = await connectors.get(connectorId);
      assertContentAllowed(input, connector, smsType);
      const { creds } = await withTencent(connectorId);
      const current = await findOne(connector, creds, templateId);
      if (lockedStatuses.includes(current.status)) {
        throw createError('TEMPLATE_LOCKED', LOCKED_MESSAGE, { templateId, status: current.status });
      }
      try {
        await audited(connector, actor, 'template.modified', `template ${templateId} "${input.name}"`, () =>
          tencent.modifyTemplate(creds, templateId, {
            name: input.name,
            content: input.content,
            smsType,
            international: connector.international,
            ...(input.remark !== undefined ? { remark: input.remark } : {}),
          }),
        );
      } catch (error) {
        // Approved at Tencent between our read and the change.
        if (tencentCodeOf(error) === 'FailedOperation.TemplateAlreadyPassedCheck') {
          const details = (error as AppError).details as TencentErrorDetails;
          throw createError('TEMPLATE_LOCKED', LOCKED_MESSAGE, {
            templateId,
            status: 'approved',
            ...details,
          });
        }
        throw error;
      }
      await saveSmsType(db, templateId, smsType, now());
      return readBack(connector, creds, templateId, input, smsType);
    },

    async remove(connectorId: string, templateId: string, force: boolean, actor: string): Promise<void> {
      const connector = await connectors.get(connectorId);
      const usedBy = (await connectors.list())
        .map((c) => ({
          connectorId: c.id,
          connectorName: c.name,
          usageTypes: usageTypesMappedTo(c, templateId),
        }))
        .filter((u) => u.usageTypes.length > 0);
      if (usedBy.length > 0 && !force) {
        const names = usedBy.map((u) => `"${u.connectorName}" (${u.usageTypes.join(', ')})`).join(', ');
        throw createError(
          'TEMPLATE_IN_USE',
          `Template ${templateId} is mapped by ${names}: map those usage types to another template first, or pass ?force=true to delete it anyway`,
          { templateId, usedBy },
        );
      }
      const { creds } = await withTencent(connectorId);
      const forced =
        usedBy.length > 0
          ? ` (forced while mapped by ${usedBy.map((u) => `"${u.connectorName}"`).join(', ')})`
          : '';
      await audited(connector, actor, 'template.deleted', `template ${templateId}${forced}`, () =>
        tencent.deleteTemplate(creds, templateId),
      );
      await forgetSmsType(db, templateId);
    },

    async signs(connectorId: string): Promise<Sign[]> {
      const { connector, creds } = await withTencent(connectorId);
      return (await tencent.listSigns(creds, { international: connector.international })).map(toSign);
    },
  };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
