/**
 * What a Tencent account mode keeps the check from verifying, and how to prove it instead. A personal
 * account and a sub-account can send; only the reads the check relies on are refused.
 */
import type { Finding } from '@smsdesk/shared/schemas/check';
import type { Connector } from '@smsdesk/shared/schemas/connectors';
import { requiredUsageTypes } from '@smsdesk/shared/usage-types';

export const PERSONAL_ACCOUNT = 'FailedOperation.NotEnterpriseCertification';
export const SUB_ACCOUNT = 'FailedOperation.ProhibitSubAccountUse';

const proveBySending = (connector: Connector) => {
  const mapped = connector.templates.map((t) => t.usageType);
  const types = mapped.length > 0 ? mapped : requiredUsageTypes;
  return `Prove each usage type instead with a test send in logto mode (Test sends → mode "logto", one per usage type: ${types.join(', ')}), and read the code on the phone.`;
};

export function personalAccountFinding(connector: Connector): Finding {
  return {
    severity: 'warning',
    code: 'ACCOUNT_PERSONAL',
    message:
      'This is an individually verified (personal) Tencent account: Tencent lets it send, but refuses it the template and sign APIs (FailedOperation.NotEnterpriseCertification), so the check could not verify the templates and the sign. Personal accounts also cannot send international or marketing SMS, and a template variable may hold at most 12 characters (6 for accounts created since 2024-01-25).',
    fix: `${proveBySending(connector)} Templates and signs of a personal account are managed in Tencent's console; enterprise verification lifts these limits.`,
  };
}

export function subAccountFinding(listed: number): Finding {
  return {
    severity: 'info',
    code: 'ACCOUNT_SUB_ACCOUNT',
    message: `These API keys belong to a sub-account: Tencent lists all templates only for the main account (FailedOperation.ProhibitSubAccountUse), so the check read the ${listed} mapped template${listed === 1 ? '' : 's'} by id instead. The Templates screen cannot list the others.`,
    fix: "Nothing to do for the check. To see and manage every template here, use the main account's keys (or grant the sub-account sms:DescribeSmsTemplateList on the whole account).",
  };
}

/** Delivery reports: most accounts cannot pull them (Tencent enables PullSmsSendStatus on request). */
export function deliveryReportsFinding(hasCallbackUrl: boolean): Finding[] {
  if (hasCallbackUrl) return [];
  return [
    {
      severity: 'info',
      code: 'DELIVERY_REPORTS_UNVERIFIED',
      message:
        'Whether a test send reached the phone comes from Tencent\'s delivery reports. smsdesk pulls them (PullSmsSendStatus), which Tencent enables only on request, and this connector has no callback URL yet, so test sends may stay "pending".',
      fix: "Open the connector's overview, copy its delivery callback URL and paste it into Tencent's console (application → basic configuration → status callback); or ask Tencent support to enable status pull.",
    },
  ];
}
