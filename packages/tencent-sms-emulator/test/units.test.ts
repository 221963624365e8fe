import { describe, expect, it } from 'vitest';
import { FrequencyLimiter } from '../src/limits.ts';
import { parsePhone, phoneKey } from '../src/phone.ts';
import { parseAuthorization, tc3Authorization, tc3Signature } from '../src/tc3.ts';
import { renderMessage, reviewTemplate, variableCount } from '../src/template-rules.ts';

describe('tc3Signature', () => {
  const example = {
    secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
    timestamp: 1551113065,
    service: 'cvm',
    host: 'cvm.tencentcloudapi.com',
    contentType: 'application/json; charset=utf-8',
    // Literal backslash-u escapes: the official example hashes these bytes.
    payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  };

  it("reproduces Tencent's official worked example bit for bit", () => {
    const r = tc3Signature(example);
    expect(r.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(r.credentialScope).toBe('2019-02-25/cvm/tc3_request');
    expect(r.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
  });

  it('signs x-tc-action when listed and the header round-trips through parseAuthorization', () => {
    const withAction = tc3Signature({
      ...example,
      action: 'DescribeInstances',
      signedHeaders: ['content-type', 'host', 'x-tc-action'],
    });
    expect(withAction.signature).not.toBe(tc3Signature(example).signature);
    expect(withAction.canonicalRequest).toContain('x-tc-action:describeinstances\n');
    const header = tc3Authorization({ ...example, secretId: 'AKIDEXAMPLE' });
    expect(parseAuthorization(header)).toEqual({
      secretId: 'AKIDEXAMPLE',
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    });
    expect(parseAuthorization('Bearer abc')).toBeUndefined();
  });
});

describe('phone formats', () => {
  it.each(['+8613800138000', '8613800138000', '008613800138000', '13800138000'])(
    'accepts mainland %s',
    (raw) => {
      expect(parsePhone(raw)).toMatchObject({
        valid: true,
        region: 'mainland',
        e164: '+8613800138000',
        isoCode: 'CN',
      });
    },
  );

  it('accepts E.164 international numbers and rejects malformed ones', () => {
    expect(parsePhone('+6591234567')).toMatchObject({
      valid: true,
      region: 'international',
      isoCode: 'SG',
      nationCode: '65',
    });
    expect(parsePhone('+85291234567')).toMatchObject({ valid: true, isoCode: 'HK', subscriber: '91234567' });
    expect(parsePhone('23800138000')).toEqual({ valid: false, region: 'mainland' });
    expect(parsePhone('+861380013800')).toEqual({ valid: false, region: 'mainland' });
    expect(parsePhone('+1')).toEqual({ valid: false, region: 'international' });
    expect(parsePhone('6591234567').valid).toBe(false);
  });

  it('normalises filters so every accepted spelling of a number matches', () => {
    expect(phoneKey('13800138000')).toBe('+8613800138000');
    expect(phoneKey('8613800138000')).toBe('+8613800138000');
    expect(phoneKey('6591234567')).toBe('+6591234567');
  });
});

describe('template rules', () => {
  const draft = (templateContent: string, smsType = 3, international: 0 | 1 = 0) => ({
    templateContent,
    smsType,
    international,
  });

  it('counts distinct variables and renders with the signature', () => {
    expect(variableCount('a {1} b {2} c {1}')).toBe(2);
    expect(renderMessage('Code {1}, {2} min', ['42', '5'], 'smsdesk')).toBe('【smsdesk】Code 42, 5 min');
    expect(renderMessage('Code {1}', ['42'], undefined)).toBe('Code 42');
  });

  it('approves a well-formed template and rejects the documented cases with a reason', () => {
    expect(reviewTemplate(draft('Your code is {1}.'))).toEqual({ approved: true });
    expect(reviewTemplate(draft('Hello there'))).toMatchObject({
      approved: false,
      reviewReply: expect.stringMatching(/variable/),
    });
    expect(reviewTemplate(draft('【x】 code {1}'))).toMatchObject({
      approved: false,
      reviewReply: expect.stringMatching(/【/),
    });
    expect(reviewTemplate(draft('Your PIN is {1}', 3, 1))).toMatchObject({
      approved: false,
      reviewReply: expect.stringMatching(/code/),
    });
    expect(reviewTemplate(draft('Your CODE is {1}', 3, 1))).toEqual({ approved: true });
    expect(reviewTemplate(draft('Your code is {2}'))).toMatchObject({ approved: false });
    expect(reviewTemplate(draft('Your code is {1}{2}'))).toMatchObject({ approved: false });
  });
});

describe('FrequencyLimiter', () => {
  it('applies same-content, hourly and daily limits, and can be disabled', () => {
    const limiter = new FrequencyLimiter({ sameContentSeconds: 30, hourly: 2, daily: 3 });
    const t0 = Date.UTC(2026, 0, 1, 1); // 09:00 China time
    limiter.record('k', 'a', t0);
    expect(limiter.check('k', 'a', t0 + 29_000)).toBe('LimitExceeded.PhoneNumberThirtySecondLimit');
    expect(limiter.check('k', 'a', t0 + 31_000)).toBeUndefined();
    limiter.record('k', 'b', t0 + 1000);
    expect(limiter.check('k', 'c', t0 + 2000)).toBe('LimitExceeded.PhoneNumberOneHourLimit');
    limiter.record('k', 'c', t0 + 3_700_000);
    expect(limiter.check('k', 'd', t0 + 7_300_000)).toBe('LimitExceeded.PhoneNumberDailyLimit');
    expect(limiter.check('k', 'd', t0 + 86_400_000)).toBeUndefined();
    expect(new FrequencyLimiter(false).check('k', 'a', t0)).toBeUndefined();
  });
});
