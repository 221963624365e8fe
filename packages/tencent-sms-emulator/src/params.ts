import { invalidParameter, invalidParameterValue, missingParameter } from './envelope.ts';

// Tencent validates parameter types strictly (a number where a string is declared is an error), so the
// emulator does too: a client that passes here sends what the real API accepts.

export type Params = Record<string, unknown>;

const present = (p: Params, name: string): boolean => p[name] !== undefined && p[name] !== null;

export function optionalString(p: Params, name: string): string | undefined {
  if (!present(p, name)) return undefined;
  const v = p[name];
  if (typeof v !== 'string') throw invalidParameter(name, 'string');
  return v;
}

export function requireString(p: Params, name: string): string {
  const v = optionalString(p, name);
  if (v === undefined) throw missingParameter(name);
  return v;
}

export function optionalInt(
  p: Params,
  name: string,
  range?: { min?: number; max?: number },
): number | undefined {
  if (!present(p, name)) return undefined;
  const v = p[name];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw invalidParameter(name, 'integer');
  if (range?.min !== undefined && v < range.min)
    throw invalidParameterValue(name, v, `must be >= ${range.min}`);
  if (range?.max !== undefined && v > range.max)
    throw invalidParameterValue(name, v, `must be <= ${range.max}`);
  return v;
}

export function requireInt(p: Params, name: string, range?: { min?: number; max?: number }): number {
  const v = optionalInt(p, name, range);
  if (v === undefined) throw missingParameter(name);
  return v;
}

/** International flag: 0 mainland China, 1 international / HK, Macao, Taiwan. */
export function requireInternational(p: Params): 0 | 1 {
  const v = requireInt(p, 'International');
  if (v !== 0 && v !== 1) throw invalidParameterValue('International', v, 'must be 0 or 1');
  return v;
}

export function optionalStringArray(p: Params, name: string): string[] | undefined {
  if (!present(p, name)) return undefined;
  const v = p[name];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw invalidParameter(name, 'array of strings');
  return v as string[];
}

export function requireStringArray(p: Params, name: string): string[] {
  const v = optionalStringArray(p, name);
  if (v === undefined) throw missingParameter(name);
  return v;
}

export function optionalIntArray(p: Params, name: string): number[] | undefined {
  if (!present(p, name)) return undefined;
  const v = p[name];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isInteger(x))) {
    throw invalidParameter(name, 'array of integers');
  }
  return v as number[];
}
