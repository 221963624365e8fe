import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorStatuses } from '../../src/errors.ts';
import {
  guideFor,
  guidanceFor,
  tencentErrorGuide,
  tencentErrorPrefixRules,
} from '../../src/tencent/errors.ts';
import { TencentTimeoutError, isNetworkError, toAppError } from '../../src/tencent/sdk-errors.ts';

// DOMAIN.md's list, copied to a fixture: every code there must have its entry (a trailing .* a prefix rule).
const domainList = readFileSync(
  fileURLToPath(new URL('../fixtures/domain-sendsms-codes.md', import.meta.url)),
  'utf8',
);

/** `- Family: `A`, `B`` lines give Family.A, Family.B; the "Common" line lists full codes. */
function domainCodes(text: string): string[] {
  const codes: string[] = [];
  for (const item of text.split(/\n(?=- )/)) {
    const m = /^- ([A-Za-z]+):([\s\S]*)$/.exec(item.trim());
    if (!m?.[1] || !m[2]) continue;
    const family = m[1];
    for (const [, code] of m[2].matchAll(/`([A-Za-z.*]+)`/g)) {
      if (!code) continue;
      // "InternalError.* (`RequestTimeException` = clock skew)": a member of the family before it.
      if (code === 'RequestTimeException') codes.push(`InternalError.${code}`);
      else codes.push(family === 'Common' || code.includes('.') ? code : `${family}.${code}`);
    }
  }
  return codes;
}

const listed = domainCodes(domainList);
describe('tencentErrorGuide', () => {
  it("reads the whole of DOMAIN.md's list (53 codes), in Tencent's spellings", () => {
    expect(listed).toHaveLength(53);
    expect(listed).toContain('UnsupportedOperation.UnsuportedRegion');
    expect(listed).toContain('UnauthorizedOperation.SerivceSuspendDueToArrears');
    expect(listed).toContain('InternalError.*');
  });

  it.each(listed)('explains %s', (code) => {
    if (code.endsWith('*')) {
      const prefix = code.slice(0, -1).replace(/\.$/, '');
      expect(tencentErrorPrefixRules.some((r) => r.prefix === prefix)).toBe(true);
    } else {
      expect(tencentErrorGuide[code]).toBeDefined();
    }
    const guide = guideFor(code.replace('*', 'SomethingNew'));
    expect(guide.message.length).toBeGreaterThan(10);
    expect(guide.fix.length).toBeGreaterThan(10);
    expect(errorStatuses[guide.smsdeskCode]).not.toBe(500);
  });

  it('keeps no corrected spelling of a code Tencent misspells (it would never match)', () => {
    expect(tencentErrorGuide['UnsupportedOperation.UnsupportedRegion']).toBeUndefined();
    expect(tencentErrorGuide['UnauthorizedOperation.ServiceSuspendDueToArrears']).toBeUndefined();
    expect(guideFor('UnsupportedOperation.UnsuportedRegion').message).toContain('country or region');
  });

  it('every entry of the table is a code DOMAIN.md lists or one the emulator answers', () => {
    const extra = [
      'UnsupportedRegion',
      'InvalidAction',
      'NoSuchVersion',
      'InvalidParameter',
      'MissingParameter.EmptyPhoneNumberSet',
      'InternalError.RequestTimeException',
    ];
    for (const code of Object.keys(tencentErrorGuide)) {
      expect([...listed, ...extra], code).toContain(code);
    }
  });

  it('the ui_locales guidance fires on the parameter-count code too', () => {
    expect(guideFor('FailedOperation.TemplateParamSetNotMatchApprovedTemplate').fix).toContain('ui_locales');
  });

  it('maps the families by the rules of the API contract', () => {
    expect(guideFor('InternalError.BackendTimeout').smsdeskCode).toBe('TENCENT_UNAVAILABLE');
    expect(guideFor('InternalError').smsdeskCode).toBe('TENCENT_UNAVAILABLE');
    expect(guideFor('AuthFailure.InvalidAuthorization').smsdeskCode).toBe('TENCENT_AUTH_FAILED');
    expect(guideFor('RequestLimitExceeded').smsdeskCode).toBe('TENCENT_RATE_LIMITED');
    expect(guideFor('LimitExceeded.PhoneNumberWeeklyLimit').message).toContain('frequency limit');
    expect(guideFor('Totally.Unknown').smsdeskCode).toBe('TENCENT_REJECTED');
  });

  it('names the template, sign and number it is about', () => {
    expect(
      guidanceFor('FailedOperation.TemplateIncorrectOrUnapproved', { templateId: '100005' }).message,
    ).toMatch(/^Template 100005 /);
    expect(
      guidanceFor('FailedOperation.SignatureIncorrectOrUnapproved', { signName: 'acme' }).message,
    ).toContain('Sign "acme"');
    expect(
      guidanceFor('LimitExceeded.PhoneNumberDailyLimit', { phoneNumber: '+8613800138000' }).message,
    ).toMatch(/^\+8613800138000 reached/);
    // Without context the wording still reads as a sentence, with no placeholder left over.
    const bare = guidanceFor('FailedOperation.PhoneNumberInBlacklist');
    expect(bare.message).toMatch(/^The number /);
    expect(`${bare.message} ${bare.fix}`).not.toMatch(/\{(template|sign|phone)\}/);
  });
});

describe('toAppError (shapes the SDK throws)', () => {
  const ctx = {
    action: 'DescribeSmsTemplateList',
    endpoint: 'https://sms.tencentcloudapi.com',
    secretKey: 'topsecretkey',
  };

  it('maps a non-200 that is not 5xx to TENCENT_BAD_REPLY', () => {
    const error = Object.assign(new Error('Not Found'), { httpCode: 404, requestId: '' });
    expect(toAppError(error, ctx).code).toBe('TENCENT_BAD_REPLY');
    expect(isNetworkError(error)).toBe(false);
  });

  it('maps a node-fetch invalid-json error to TENCENT_BAD_REPLY and does not retry it', () => {
    const error = Object.assign(new Error('invalid json response body'), {
      name: 'FetchError',
      type: 'invalid-json',
    });
    expect(toAppError(error, ctx).code).toBe('TENCENT_BAD_REPLY');
    expect(isNetworkError(error)).toBe(false);
  });

  it('maps our timeout to TENCENT_TIMEOUT and warns that a send may still arrive', () => {
    const err = toAppError(new TencentTimeoutError(250), { ...ctx, action: 'SendSms' });
    expect(err.code).toBe('TENCENT_TIMEOUT');
    expect(err.message).toContain('250 ms');
    expect((err.details as { fix: string }).fix).toContain('may still be delivered');
    expect(isNetworkError(new TencentTimeoutError(250))).toBe(false);
  });

  it('removes the secret key from any echoed message', () => {
    const error = Object.assign(new Error('bad key topsecretkey'), { code: 'AuthFailure.SignatureFailure' });
    const err = toAppError(error, ctx);
    expect(err.message).not.toContain('topsecretkey');
    expect(err.message).toContain('***');
  });

  it('treats a wrapped connection failure as a network error', () => {
    const error = Object.assign(new Error('request to x failed, reason: connect ECONNREFUSED'), {
      requestId: '',
    });
    expect(isNetworkError(error)).toBe(true);
    expect(toAppError(error, ctx).code).toBe('TENCENT_UNAVAILABLE');
  });
});
