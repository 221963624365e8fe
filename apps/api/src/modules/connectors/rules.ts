/** The connector rules a schema cannot say, and the module's refusals, each with a sentence. */
import type { TemplateMapping } from '@smsdesk/shared/schemas/connectors';
import { isTencentSmsRegion, signHasBrackets, tencentSmsRegions } from '@smsdesk/shared/tencent-regions';
import { createError } from '../../errors.ts';

/**
 * What changed in the template mapping, per usage type: "SignIn: 100001 → 100004; Register: — → 100005"
 * ("—" for none). Language-neutral, so the console can show it as a diff in either language.
 */
export function templateMappingDiff(before: TemplateMapping[], after: TemplateMapping[]): string {
  const codeOf = (list: TemplateMapping[], usageType: string) =>
    list.find((m) => m.usageType === usageType)?.templateCode ?? '—';
  const usage = [...new Set([...before, ...after].map((m) => m.usageType))];
  return usage
    .filter((u) => codeOf(before, u) !== codeOf(after, u))
    .map((u) => `${u}: ${codeOf(before, u)} → ${codeOf(after, u)}`)
    .join('; ');
}

export function assertUniqueUsageTypes(templates: TemplateMapping[] | undefined, prefix = 'body.templates') {
  const seen = new Map<string, number>();
  const fields = [];
  for (const [index, mapping] of (templates ?? []).entries()) {
    const first = seen.get(mapping.usageType);
    if (first !== undefined) {
      fields.push({
        field: `${prefix}.${index}.usageType`,
        rule: 'unique',
        message: `maps ${mapping.usageType} a second time (already at ${prefix}.${first})`,
      });
    } else {
      seen.set(mapping.usageType, index);
    }
  }
  if (fields.length > 0) {
    throw createError('VALIDATION_FAILED', 'Each usage type may be mapped to one template only', { fields });
  }
}

/** Tencent's own rules for the sign and the region, with a sentence the user can act on. */
export function assertSignAndRegion(input: { signName?: string; region?: string }) {
  const fields = [];
  if (input.signName !== undefined && signHasBrackets(input.signName)) {
    fields.push({
      field: 'body.signName',
      rule: 'brackets',
      message: `must be the sign's text without brackets: drop 【】 or [] (Tencent adds 【】 itself), e.g. "${input.signName.replace(/[【】[\]]/g, '')}"`,
    });
  }
  if (input.region !== undefined && !isTencentSmsRegion(input.region)) {
    fields.push({
      field: 'body.region',
      rule: 'enum',
      message: `is not a region of Tencent's SMS API: use one of ${tencentSmsRegions.join(', ')}`,
    });
  }
  if (fields.length > 0) {
    throw createError(
      'VALIDATION_FAILED',
      `Invalid request: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
      {
        fields,
      },
    );
  }
}

export function nameTaken(name: string) {
  return createError('CONFLICT', `A connector named "${name}" already exists`, {
    fields: [{ field: 'body.name', rule: 'unique', message: 'is already used by another connector' }],
  });
}

export function notFound(id: string) {
  return createError('NOT_FOUND', `No connector ${id}`);
}

/** A connector whose secret was never set cannot give its credentials (export, push). */
export function noSecretYet(name: string) {
  return createError('CONFLICT', `Connector "${name}" has no access key secret yet: set one first`, {
    fields: [{ field: 'accessKeySecret', rule: 'required', message: 'is not set' }],
  });
}
