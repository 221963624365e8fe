import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { isErrorBody } from '../src/error-body.ts';
import { ErrorBodySchema } from '../src/schemas/errors.ts';
import { UsageTypeSchema } from '../src/schemas/usage-type.ts';
import { isUsageType, requiredUsageTypes, usageTypeFeatures, usageTypes } from '../src/usage-types.ts';

describe('usage types', () => {
  it('are the nine of @logto/connector-kit, the four required among them', () => {
    expect(usageTypes).toHaveLength(9);
    expect(new Set(usageTypes).size).toBe(9);
    for (const t of requiredUsageTypes) expect(usageTypes).toContain(t);
    expect([...requiredUsageTypes].sort()).toEqual(['ForgotPassword', 'Generic', 'Register', 'SignIn']);
  });

  it('each name the Logto feature that needs it', () => {
    for (const t of usageTypes) expect(usageTypeFeatures[t].length).toBeGreaterThan(5);
  });

  it('validate with the schema and the guard alike', () => {
    expect(Value.Check(UsageTypeSchema, 'MfaVerification')).toBe(true);
    expect(Value.Check(UsageTypeSchema, 'signin')).toBe(false);
    expect(isUsageType('BindMfa')).toBe(true);
    expect(isUsageType('Login')).toBe(false);
  });
});

describe('error body', () => {
  it('accepts the shared shape and refuses others', () => {
    const body = { error: { code: 'NOT_FOUND', message: 'No route' } };
    expect(Value.Check(ErrorBodySchema, body)).toBe(true);
    expect(isErrorBody(body)).toBe(true);
    expect(isErrorBody({ message: 'x' })).toBe(false);
    expect(Value.Check(ErrorBodySchema, { error: { code: 'lower', message: 'x' } })).toBe(false);
  });
});
