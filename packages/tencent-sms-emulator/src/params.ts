import { invalidParameter, invalidParameterValue, missingParameter } from './envelope.ts';

// Tencent validates parameter types strictly (a number where a string is declared is an error), so the
// emulator does too: a client that passes here sends what the real API accepts.

export type Params = Record<string, unknown>;

/**
 * A GET call carries its parameters in the query string (`PhoneNumberSet.0=…`), where every value is text;
 * Tencent reads numbers from it. Parameters built by `fromQuery` are marked so the readers accept that.
 */
const FROM_QUERY = Symbol('fromQuery');

export function fromQuery(search: URLSearchParams): Params {
  const params: Params = {};
  for (const [key, value] of search) {
    const item = /^([A-Za-z]\w*)\.(\d+)$/.exec(key);
    if (item?.[1] && item[2]) {
      const list = Array.isArray(params[item[1]]) ? (params[item[1]] as unknown[]) : [];
      list[Number(item[2])] = value;
      params[item[1]] = list;
    } else {
      params[key] = value;
    }
  }
  Object.defineProperty(params, FROM_QUERY, { value: true, enumerable: false });
  return params;
}

const textInt = (p: Params, v: unknown): unknown =>
  (p as Record<symbol, unknown>)[FROM_QUERY] && typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;

/** The first parameter the action does not document, if any. */
export function unknownParameter(p: Params, known: readonly string[]): string | undefined {
  return Object.keys(p).find((name) => !known.includes(name));
}

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
  const v = textInt(p, p[name]);
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
  const raw = p[name];
  const v = Array.isArray(raw) ? raw.map((x) => textInt(p, x)) : raw;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isInteger(x))) {
    throw invalidParameter(name, 'array of integers');
  }
  return v as number[];
}
