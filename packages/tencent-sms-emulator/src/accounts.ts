// Account modes a real user hits at Tencent, switched through the control API: an individually verified
// (personal) account, a sub-account's keys, status pull not enabled by Tencent support, an empty SMS
// package, numbers on the operator blacklist.

export interface AccountMode {
  /** `personal`: individually verified — no template/sign APIs, no international or marketing SMS. */
  verification: 'enterprise' | 'personal';
  /** Keys of a sub-account: listing all templates is main-account only (ProhibitSubAccountUse). */
  subAccount: boolean;
  /** PullSmsSendStatus must be enabled by Tencent support; most accounts get reports by callback. */
  statusPull: boolean;
  /** Messages left in the SMS package; null = unlimited. */
  smsPackage: number | null;
  /** E.164 numbers the operators refuse (PhoneNumberInBlacklist). */
  blacklist: string[];
}

export const defaultAccountMode: AccountMode = {
  verification: 'enterprise',
  subAccount: false,
  statusPull: true,
  smsPackage: null,
  blacklist: [],
};

export const copyMode = (m: AccountMode): AccountMode => ({ ...m, blacklist: [...m.blacklist] });

/** Validates a partial mode from the control API; an error text for a 400 answer. */
export function toModeChanges(value: unknown): Partial<AccountMode> | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'body must be a JSON object';
  const v = value as Record<string, unknown>;
  const known = ['verification', 'subAccount', 'statusPull', 'smsPackage', 'blacklist'];
  const unknown = Object.keys(v).filter((k) => !known.includes(k));
  if (unknown.length > 0) return `unknown field ${unknown[0]}; known: ${known.join(', ')}`;
  const out: Partial<AccountMode> = {};
  if (v.verification !== undefined) {
    if (v.verification !== 'enterprise' && v.verification !== 'personal')
      return 'verification must be "enterprise" or "personal"';
    out.verification = v.verification;
  }
  for (const name of ['subAccount', 'statusPull'] as const) {
    if (v[name] === undefined) continue;
    if (typeof v[name] !== 'boolean') return `${name} must be true or false`;
    out[name] = v[name] as boolean;
  }
  if (v.smsPackage !== undefined) {
    const n = v.smsPackage;
    if (n !== null && (typeof n !== 'number' || !Number.isInteger(n) || n < 0))
      return 'smsPackage must be a non-negative integer or null (unlimited)';
    out.smsPackage = n as number | null;
  }
  if (v.blacklist !== undefined) {
    if (
      !Array.isArray(v.blacklist) ||
      v.blacklist.some((x) => typeof x !== 'string' || !/^\+\d{6,15}$/.test(x))
    )
      return 'blacklist must be an array of E.164 numbers (+8613800138000)';
    out.blacklist = [...(v.blacklist as string[])];
  }
  return out;
}
