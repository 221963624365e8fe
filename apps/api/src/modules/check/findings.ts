/**
 * The connector check as a pure function: what smsdesk learnt from Tencent in, findings and the health
 * matrix out. `null` means "could not be learnt" (the reason is already a finding) and gives `unknown`.
 */
import type { CheckResult, Finding, UsageTypeHealth } from '@smsdesk/shared/schemas/check';
import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { templateVariables } from '@smsdesk/shared/template-rules';
import {
  requiredUsageTypes,
  type UsageType,
  usageTypeFeatures,
  usageTypes,
} from '@smsdesk/shared/usage-types';
import type { TencentSign, TencentTemplate } from '../../tencent/gateway.ts';
import type { SmsType } from '../templates/repository.ts';
import { internationalFinding, signFindings, uiLocalesFinding } from './connector-findings.ts';

export interface CheckFacts {
  connector: Connector;
  /** Findings already made while asking Tencent (credentials, SDK app, unreachable…). */
  findings: Finding[];
  /** The templates on the connector's side; null when the list could not be read. */
  templates: TencentTemplate[] | null;
  /** Mapped templates found on the other (mainland/international) side. */
  otherSide: TencentTemplate[];
  /** The signs on the mainland side; null when not read (international, or the read failed). */
  signs: TencentSign[] | null;
  smsTypes: Map<string, SmsType>;
  checkedAt: Date;
}

type Cell = UsageTypeHealth['mapped'];

const smsTypeNames: Record<SmsType, string> = { 1: 'marketing', 2: 'notification', 3: 'verification code' };
const severityOrder: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
const side = (international: boolean) => (international ? 'international' : 'mainland');

interface RowResult {
  row: UsageTypeHealth;
  findings: Finding[];
}

function usageTypeRow(usageType: UsageType, facts: CheckFacts): RowResult {
  const { connector, templates, otherSide, smsTypes } = facts;
  const requiredByLogto = requiredUsageTypes.includes(usageType);
  const templateCode = connector.templates.find((m) => m.usageType === usageType)?.templateCode ?? null;
  const findings: Finding[] = [];
  const cells: Record<'mapped' | 'exists' | 'approved' | 'singleVariable', Cell> = {
    mapped: 'ok',
    exists: 'unknown',
    approved: 'unknown',
    singleVariable: 'unknown',
  };
  const done = (): RowResult => {
    const worst = findings.reduce<Finding['severity'] | null>(
      (w, f) => (w === null || severityOrder[f.severity] < severityOrder[w] ? f.severity : w),
      null,
    );
    const unknown = Object.values(cells).includes('unknown');
    // OrganizationInvitation is never sent by SMS: whatever is mapped, Logto does not fail on it.
    const state = notBlockable(usageType)
      ? 'ok'
      : worst === 'error'
        ? 'error'
        : worst === 'warning' || unknown
          ? 'warning'
          : 'ok';
    return { row: { usageType, requiredByLogto, templateCode, ...cells, state }, findings };
  };
  const add = (severity: Finding['severity'], code: string, message: string, fix: string) =>
    findings.push({
      severity: notBlockable(usageType) ? 'info' : severity,
      code,
      usageType,
      ...(templateCode ? { templateCode } : {}),
      message,
      fix,
    });

  if (!templateCode && usageType === 'OrganizationInvitation') {
    // Logto sends organization invitations through the email connector only: nothing to map here.
    cells.mapped = 'ok';
    cells.exists = 'ok';
    cells.approved = 'ok';
    cells.singleVariable = 'ok';
    add(
      'info',
      'USAGE_TYPE_NOT_SENT_BY_SMS',
      'Logto sends organization invitations by email only, never through an SMS connector: OrganizationInvitation needs no template here',
      'Nothing to do; set up an email connector for organization invitations.',
    );
    return done();
  }

  if (!templateCode) {
    if (requiredByLogto) {
      cells.mapped = 'error';
      add(
        'error',
        'USAGE_TYPE_UNMAPPED',
        `No template is mapped for ${usageType}: Logto refuses the config without it`,
        `Map ${usageType} to an approved verification-code template with one variable {1}.`,
      );
    } else {
      cells.mapped = 'warning';
      add(
        'warning',
        'USAGE_TYPE_UNMAPPED',
        `No template is mapped for ${usageType}: ${usageTypeFeatures[usageType]} will fail with template_not_found, because this connector has no Generic fallback`,
        `Map ${usageType} to an approved template with one variable {1} (it may be the same one as Generic) if you use ${usageTypeFeatures[usageType]}.`,
      );
    }
    return done();
  }

  if (templates === null) return done();
  const template = templates.find((t) => t.templateId === templateCode);
  if (!template) {
    cells.exists = 'error';
    const elsewhere = otherSide.find((t) => t.templateId === templateCode);
    if (elsewhere) {
      add(
        'error',
        'TEMPLATE_WRONG_SIDE',
        `Template ${templateCode} is an ${side(elsewhere.international)} template, but this connector sends ${side(connector.international)} SMS: Tencent refuses it (UnsupportedOperation.${connector.international ? 'ChineseMainlandTemplateToGlobalPhone' : 'GlobalTemplateToChineseMainlandPhone'})`,
        `Map ${usageType} to a ${side(connector.international)} template, or change the connector's international setting if that is what it is for.`,
      );
    } else {
      add(
        'error',
        'TEMPLATE_NOT_FOUND',
        `Template ${templateCode} does not exist in this Tencent account: ${usageTypeFeatures[usageType]} will fail`,
        `Map ${usageType} to one of the account's approved templates (it may have been deleted, or belong to another account).`,
      );
    }
    return done();
  }
  cells.exists = 'ok';

  switch (template.status) {
    case 'approved':
      cells.approved = 'ok';
      break;
    case 'reviewing':
      cells.approved = 'error';
      add(
        'error',
        'TEMPLATE_UNDER_REVIEW',
        `Template ${templateCode} is still under review at Tencent: ${usageTypeFeatures[usageType]} fails until it is approved`,
        `Wait for the approval (usually within hours), or map ${usageType} to an approved template meanwhile.`,
      );
      break;
    case 'approved_pending':
      cells.approved = 'error';
      add(
        'error',
        'TEMPLATE_NOT_IN_EFFECT',
        `Template ${templateCode} is approved but not in effect yet: Tencent does not send with it so far`,
        `Wait until it takes effect, or map ${usageType} to a template in effect meanwhile.`,
      );
      break;
    case 'rejected':
      cells.approved = 'error';
      add(
        'error',
        'TEMPLATE_REJECTED',
        `Template ${templateCode} was rejected by Tencent${template.reviewReply ? `: ${template.reviewReply}` : ''}`,
        'Change the template as the review asks (a rejected template can be modified and goes back to review), or map another approved template.',
      );
      break;
  }

  const variables = templateVariables(template.content);
  if (variables.length === 1 && variables[0] === 1) {
    cells.singleVariable = 'ok';
  } else {
    cells.singleVariable = 'error';
    add(
      'error',
      'TEMPLATE_VARIABLES',
      `Template ${templateCode} has ${variables.length === 0 ? 'no variable' : variables.map((n) => `{${n}}`).join(', ')}: Logto sends only the code, so Tencent refuses the parameter count`,
      `Map ${usageType} to a template with exactly one variable, {1}, for the code.`,
    );
  }

  const smsType = smsTypes.get(templateCode);
  if (smsType !== undefined && smsType !== 3) {
    add(
      'warning',
      'TEMPLATE_NOT_VERIFICATION_CODE',
      `Template ${templateCode} is a ${smsTypeNames[smsType]} template, not a verification-code one`,
      'Use a verification-code template (SmsType 3) for Logto codes: it is delivered with priority and is not subject to marketing rules.',
    );
  }
  return done();
}

/** OrganizationInvitation is never sent by SMS, so no connector-wide blocker makes it fail. */
const notBlockable = (usageType: UsageType) => usageType === 'OrganizationInvitation';

export function evaluateCheck(facts: CheckFacts): CheckResult {
  const rows = usageTypes.map((usageType) => usageTypeRow(usageType, facts));
  const connectorWide = [
    ...internationalFinding(facts.connector),
    ...facts.findings,
    ...signFindings(facts.connector, facts.signs),
  ];
  // "Could not ask" (unreachable, throttled) leaves rows unknown; every other connector-wide error fails them.
  const blocker = connectorWide.find(
    (f) =>
      f.severity === 'error' &&
      !f.usageType &&
      f.code !== 'TENCENT_UNREACHABLE' &&
      f.code !== 'TENCENT_RATE_LIMITED',
  );
  if (blocker) {
    for (const r of rows) {
      if (notBlockable(r.row.usageType)) continue;
      r.row.state = 'error';
      r.row.blockedBy = blocker.code;
    }
  }
  const findings = [
    ...internationalFinding(facts.connector),
    ...facts.findings,
    ...signFindings(facts.connector, facts.signs),
    ...rows.flatMap((r) => r.findings),
    ...(facts.connector.templates.length > 0 ? [uiLocalesFinding] : []),
  ];
  // Array.prototype.sort is stable: within a severity the order above (account, sign, usage types) stays.
  findings.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    checkedAt: facts.checkedAt.toISOString(),
    findings,
    usageTypes: rows.map((r) => r.row),
  };
}
