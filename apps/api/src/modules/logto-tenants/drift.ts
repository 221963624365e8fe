/** Field-by-field difference between a smsdesk profile and the config of a tenant's Tencent connector. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Drift, DriftDifference } from '@smsdesk/shared/schemas/logto-tenants';
import { usageTypes } from '@smsdesk/shared/usage-types';

export interface ProfileSide {
  accessKeyId: string;
  /** Decrypted, compared here and never put in a difference. */
  accessKeySecret: string | null;
  signName: string;
  region: string;
  sdkAppId: string;
  templates: { usageType: string; templateCode: string }[];
}

const plainFields = ['accessKeyId', 'signName', 'region', 'sdkAppId'] as const;
const knownKeys = new Set<string>([...plainFields, 'accessKeySecret', 'templates']);

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function sameSecret(a: string, b: string): boolean {
  // Equal-length digests, so the comparison takes the same time whatever the secrets are.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function templatesOf(value: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (!Array.isArray(value)) return map;
  for (const item of value) {
    const { usageType, templateCode } = (item ?? {}) as { usageType?: unknown; templateCode?: unknown };
    if (typeof usageType === 'string' && !map.has(usageType)) map.set(usageType, show(templateCode) ?? '');
  }
  return map;
}

/** `logto: null`: the tenant has no Tencent connector, so everything smsdesk has is "only in smsdesk". */
export function driftBetween(profile: ProfileSide, logto: Record<string, unknown> | null): Drift {
  const differences: DriftDifference[] = [];
  const config = logto ?? {};
  const add = (field: string, smsdesk: string | null, theirs: string | null) => {
    if (smsdesk !== theirs) differences.push({ field, smsdesk, logto: theirs });
  };

  add('accessKeyId', profile.accessKeyId, show(config.accessKeyId));

  const theirSecret = typeof config.accessKeySecret === 'string' ? config.accessKeySecret : null;
  if (profile.accessKeySecret === null) {
    if (theirSecret !== null) differences.push({ field: 'accessKeySecret', smsdesk: null, logto: 'set' });
  } else if (theirSecret === null) {
    differences.push({ field: 'accessKeySecret', smsdesk: 'set', logto: null });
  } else if (!sameSecret(profile.accessKeySecret, theirSecret)) {
    differences.push({ field: 'accessKeySecret', smsdesk: 'set', logto: 'different' });
  }

  for (const field of plainFields.slice(1)) add(field, profile[field], show(config[field]));

  const ours = new Map(profile.templates.map((t) => [t.usageType, t.templateCode]));
  const theirs = templatesOf(config.templates);
  const types = [
    ...usageTypes.filter((t) => ours.has(t) || theirs.has(t)),
    ...[...new Set([...ours.keys(), ...theirs.keys()])].filter(
      (t) => !(usageTypes as readonly string[]).includes(t),
    ),
  ];
  for (const type of types) add(`templates.${type}`, ours.get(type) ?? null, theirs.get(type) ?? null);

  // Keys Logto keeps that a profile has no field for (added by hand in the Console): a push removes them.
  for (const [key, value] of Object.entries(config)) {
    if (!knownKeys.has(key)) add(key, null, /secret|password|key$/i.test(key) ? 'set' : show(value));
  }
  return { inSync: differences.length === 0, differences };
}
