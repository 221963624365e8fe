/** Connector-wide findings: the sign, the international trap, the ui_locales trap. */
import type { Finding } from '@smsdesk/shared/schemas/check';
import type { Connector } from '@smsdesk/shared/schemas/connectors';
import type { TencentSign } from '../../tencent/gateway.ts';

export function signFindings(connector: Connector, signs: TencentSign[] | null): Finding[] {
  if (connector.international) {
    return [
      {
        severity: 'info',
        code: 'SIGN_NOT_REQUIRED',
        message: `International SMS needs no approved sign, so "${connector.signName}" was not checked`,
        fix: 'Nothing to do: Tencent requires an approved sign only for mainland China SMS.',
      },
    ];
  }
  if (signs === null) return [];
  const named = signs.filter((s) => s.signName === connector.signName);
  if (named.length === 0) {
    return [
      {
        severity: 'error',
        code: 'SIGN_MISSING',
        message: `This account has no mainland sign named "${connector.signName}": Tencent refuses every mainland send (FailedOperation.SignatureIncorrectOrUnapproved)`,
        fix: 'Put the exact text of an approved sign (SMS → Signatures, the text, not the id) into the connector, or apply for this sign.',
      },
    ];
  }
  const sign = named.find((s) => s.status === 'approved') ?? named[0]!;
  if (sign.status === 'approved') return [];
  const why = {
    reviewing: 'is still under review',
    approved_pending: 'is approved but not in effect yet',
    rejected: `was rejected${sign.reviewReply ? `: ${sign.reviewReply}` : ''}`,
  }[sign.status];
  return [
    {
      severity: 'error',
      code: 'SIGN_NOT_APPROVED',
      message: `The sign "${sign.signName}" ${why}; Tencent sends only with an approved sign`,
      fix:
        sign.status === 'rejected'
          ? 'Correct the sign application as the review asks and submit it again, or use another approved sign.'
          : 'Wait for Tencent to approve the sign, or use another approved sign meanwhile.',
    },
  ];
}

export const uiLocalesFinding: Finding = {
  severity: 'info',
  code: 'UI_LOCALES_PARAMETER',
  message:
    "When a sign-in request carries ui_locales, Logto's Tencent connector sends it as a second template parameter, which a template with only {1} refuses (FailedOperation.TemplateParamSetNotMatchApprovedTemplate)",
  fix: "Do not pass ui_locales (e.g. the SDK's extraParams or uiLocales option) in sign-in requests of apps that offer SMS codes through this connector.",
};

/**
 * Logto stores numbers as digits without `+` and its Tencent connector sends them so; Tencent reads a
 * number without a prefix as mainland China. An international connector therefore fails every Logto send.
 */
export function internationalFinding(connector: Connector): Finding[] {
  if (!connector.international) return [];
  return [
    {
      severity: 'error',
      code: 'LOGTO_CANNOT_SEND_INTERNATIONAL',
      message:
        "Every Logto send through this international connector fails: Logto's Tencent connector sends the phone number as Logto stores it, without the + (+447911123456 goes out as 447911123456, refused as InvalidParameterValue.IncorrectPhoneNumber), and Tencent reads a number without a prefix as mainland China (+14155550100 goes out as 14155550100, which an international template refuses with UnsupportedOperation.GlobalTemplateToChineseMainlandPhone)",
      fix: "Logto's Tencent connector cannot deliver to international numbers and has no setting for it: use another SMS connector of Logto for international numbers (e.g. Twilio or Aliyun), and keep Tencent for mainland China numbers with a mainland connector. smsdesk mode test sends still show whether Tencent itself delivers.",
    },
  ];
}
