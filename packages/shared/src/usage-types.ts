// Plain constants, no schema library: the SPA imports these into its first bundle.
/** The usage types of `@logto/connector-kit`, in the order Logto documents them. */
export const usageTypes = [
  'SignIn',
  'Register',
  'ForgotPassword',
  'Generic',
  'OrganizationInvitation',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
] as const;

export type UsageType = (typeof usageTypes)[number];

/** Logto refuses a Tencent connector config whose templates lack any of these. */
export const requiredUsageTypes: readonly UsageType[] = ['Register', 'SignIn', 'ForgotPassword', 'Generic'];

/** What fails in Logto when an optional usage type has no template (the Tencent connector has no fallback). */
export const usageTypeFeatures: Record<UsageType, string> = {
  SignIn: 'sign-in with a phone verification code',
  Register: 'registration with a phone number',
  ForgotPassword: 'password reset by SMS',
  Generic: "generic codes, including the console's test message",
  OrganizationInvitation: 'organization invitations by SMS',
  UserPermissionValidation:
    'permission checks of the account API (verifying a phone before a sensitive change)',
  BindNewIdentifier: 'binding a new phone number in the account API',
  MfaVerification: 'MFA by SMS (verification at sign-in)',
  BindMfa: 'MFA by SMS (enrolling a phone as a factor)',
};

export function isUsageType(value: unknown): value is UsageType {
  return typeof value === 'string' && (usageTypes as readonly string[]).includes(value);
}
