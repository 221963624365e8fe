import type { CheckResult, Finding } from '@smsdesk/shared/schemas/check';
import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { AppError } from '../../errors.ts';
import type { TencentErrorDetails, TencentGateway } from '../../tencent/gateway.ts';
import type { ConnectorService } from '../connectors/service.ts';
import type { TemplateService } from '../templates/service.ts';
import {
  deliveryReportsFinding,
  PERSONAL_ACCOUNT,
  personalAccountFinding,
  SUB_ACCOUNT,
  subAccountFinding,
} from './account-findings.ts';
import { type CheckFacts, evaluateCheck } from './findings.ts';

export interface CheckDeps {
  tencent: TencentGateway;
  connectors: ConnectorService;
  templates: Pick<TemplateService, 'smsTypesOf'>;
  /** Whether the connector has a delivery callback URL (reports then arrive without status pull). */
  callbacks: { has(connectorId: string): Promise<boolean> };
  now?: () => Date;
}

function detailsOf(error: AppError): Partial<TencentErrorDetails> {
  return (error.details ?? {}) as Partial<TencentErrorDetails>;
}

/** A failed Tencent call as a finding: the check reports what it could not learn, it never fails. */
function tencentFinding(error: unknown, doing: string): Finding {
  if (!(error instanceof AppError)) throw error;
  const { fix = 'Try the check again in a minute.', tencentCode } = detailsOf(error);
  if (tencentCode === 'UnsupportedRegion') {
    // The region is refused for every action, so every send through Logto fails the same way.
    return {
      severity: 'error',
      code: 'REGION_UNSUPPORTED',
      message: `${error.message}: every send fails (Tencent UnsupportedRegion)`,
      fix,
    };
  }
  switch (error.code) {
    case 'TENCENT_AUTH_FAILED':
      return { severity: 'error', code: 'CREDENTIALS_REJECTED', message: error.message, fix };
    case 'TENCENT_TIMEOUT':
    case 'TENCENT_UNAVAILABLE':
    case 'TENCENT_BAD_REPLY':
      return {
        severity: 'error',
        code: 'TENCENT_UNREACHABLE',
        message: `Could not ${doing}, so what depends on it is unknown: ${error.message}`,
        fix,
      };
    case 'TENCENT_RATE_LIMITED':
      return {
        severity: 'error',
        code: 'TENCENT_RATE_LIMITED',
        message: `Could not ${doing}: ${error.message}`,
        fix,
      };
    default:
      return {
        severity: 'error',
        code: 'TENCENT_REFUSED',
        message: `Could not ${doing}: ${error.message}`,
        fix,
      };
  }
}

/** SendStatusStatistics names the SdkAppId, so Tencent says whether the app belongs to these keys. */
function sdkAppFinding(error: unknown, sdkAppId: string): Finding {
  if (!(error instanceof AppError)) throw error;
  const { tencentCode, fix } = detailsOf(error);
  if (tencentCode === 'UnauthorizedOperation.SmsSdkAppIdVerifyFail') {
    return {
      severity: 'error',
      code: 'SDK_APP_NOT_OWNED',
      message: `The SDK app ${sdkAppId} belongs to another Tencent Cloud account than these API keys: every send fails (Tencent ${tencentCode})`,
      fix: fix ?? 'Use the SdkAppId of the same account as the API keys.',
    };
  }
  if (tencentCode === 'InvalidParameterValue.SdkAppIdNotExist') {
    return {
      severity: 'error',
      code: 'SDK_APP_NOT_FOUND',
      message: `The SDK app ${sdkAppId} does not exist at Tencent: every send fails (Tencent ${tencentCode})`,
      fix: fix ?? 'Copy the SdkAppId from SMS → Applications in the Tencent Cloud console.',
    };
  }
  // The keys may lack the permission for the statistics (CAM), or the endpoint may not offer the action:
  // the app id is then unproven, not wrong.
  if (tencentCode === 'InvalidAction' || tencentCode?.startsWith('UnauthorizedOperation')) {
    return {
      severity: 'warning',
      code: 'SDK_APP_UNVERIFIED',
      message: `Could not verify that the SDK app ${sdkAppId} belongs to these API keys: ${error.message}`,
      fix: 'Check the SdkAppId under SMS → Applications of the account that owns the API keys, or send a test code.',
    };
  }
  return tencentFinding(error, `verify the SDK app ${sdkAppId}`);
}

function credentialsMissing(connector: Connector): Finding {
  return {
    severity: 'error',
    code: 'CREDENTIALS_MISSING',
    message: `Connector "${connector.name}" has no access key secret, so nothing at Tencent could be checked`,
    fix: 'Set the SecretKey that belongs to the SecretId (Tencent Cloud console → CAM → API keys) in the connector.',
  };
}

export function createCheckService(deps: CheckDeps) {
  const { tencent, connectors, templates } = deps;
  const now = deps.now ?? (() => new Date());

  /**
   * At most four Tencent calls: the template list (which proves the credentials), then together the
   * SDK app probe, the sign list (mainland) and, only if a mapped template is missing, a look at the
   * other side. Nothing is sent and no delivery report is consumed.
   */
  async function run(connectorId: string): Promise<CheckResult> {
    const { connector, credentials: creds } = await connectors.credentialsIfSet(connectorId);
    const international = connector.international;
    const mappedCodes = [...new Set(connector.templates.map((m) => m.templateCode))];
    const facts: CheckFacts = {
      connector,
      findings: [],
      templates: null,
      otherSide: [],
      signs: null,
      smsTypes: await templates.smsTypesOf(mappedCodes),
      checkedAt: now(),
    };
    if (!creds) {
      facts.findings.push(credentialsMissing(connector));
      return evaluateCheck(facts);
    }

    let personal = false;
    try {
      facts.templates = await tencent.listTemplates(creds, { international });
    } catch (error) {
      const code = error instanceof AppError ? detailsOf(error).tencentCode : undefined;
      if (code === SUB_ACCOUNT && mappedCodes.length > 0) {
        // A sub-account may still read templates it names: the mapped ones are all the check needs.
        try {
          facts.templates = await tencent.listTemplates(creds, { international, templateIds: mappedCodes });
          facts.findings.push(subAccountFinding(mappedCodes.length));
        } catch (retryError) {
          facts.findings.push(tencentFinding(retryError, 'read the mapped templates'));
          return evaluateCheck(facts);
        }
      } else if (code === PERSONAL_ACCOUNT) {
        // A personal account sends, but may not read templates or signs: say what stays unverified.
        personal = true;
        facts.findings.push(personalAccountFinding(connector));
      } else {
        // Without one successful read, every other call would fail the same way: stop here.
        facts.findings.push(tencentFinding(error, 'read the template list'));
        return evaluateCheck(facts);
      }
    }

    const listed = new Set((facts.templates ?? []).map((t) => t.templateId));
    const missing = facts.templates === null ? [] : mappedCodes.filter((code) => !listed.has(code));
    const [probe, signs, otherSide] = await Promise.allSettled([
      tencent.sendStatistics(creds, { sdkAppId: connector.sdkAppId }),
      international || personal ? Promise.resolve(null) : tencent.listSigns(creds, { international: false }),
      missing.length > 0
        ? tencent.listTemplates(creds, { international: !international, templateIds: missing })
        : Promise.resolve([]),
    ]);
    if (probe.status === 'rejected') facts.findings.push(sdkAppFinding(probe.reason, connector.sdkAppId));
    if (signs.status === 'fulfilled') facts.signs = signs.value;
    else facts.findings.push(tencentFinding(signs.reason, `read the signs to find "${connector.signName}"`));
    // Only refines TEMPLATE_NOT_FOUND into TEMPLATE_WRONG_SIDE; a failure leaves the plainer finding.
    if (otherSide.status === 'fulfilled') facts.otherSide = otherSide.value;
    facts.findings.push(...deliveryReportsFinding(await deps.callbacks.has(connector.id)));
    facts.checkedAt = now();
    return evaluateCheck(facts);
  }

  return { run };
}

export type CheckService = ReturnType<typeof createCheckService>;
