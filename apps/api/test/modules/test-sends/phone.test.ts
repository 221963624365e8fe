import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { maskPhone, maskReportedNumber, parsePhone } from '../../../src/modules/test-sends/phone.ts';

describe('reading a test number', () => {
  it.each([
    ['+86 138 0013 8000', undefined, false, '+8613800138000'],
    ['8613800138000', undefined, false, '+8613800138000'],
    ['13800138000', undefined, false, '+8613800138000'],
    ['008613800138000', undefined, false, '+8613800138000'],
    ['0612345678', 'FR', true, '+33612345678'],
    ['33612345678', undefined, true, '+33612345678'],
    // Tencent reads 11 digits starting with 1 as mainland; so does a mainland connector.
    ['13105551234', undefined, false, '+8613105551234'],
    ['13105551234', undefined, true, '+13105551234'],
  ])('%s (country %s, international %s) is %s', (raw, country, international, e164) => {
    expect(parsePhone(raw, country, international).e164).toBe(e164);
  });

  it('names the unknown country on both fields', () => {
    expect(() => parsePhone('0612345678', 'ZZ', true)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: {
          fields: [
            expect.objectContaining({ field: 'body.phoneNumber', rule: 'invalidCountry' }),
            expect.objectContaining({ field: 'body.country', rule: 'invalidCountry' }),
          ],
        },
      }),
    );
  });

  it('masks at least four digits and shows at most the first three and last four', () => {
    const mask = (raw: string) => maskPhone(parsePhone(raw, undefined, !raw.startsWith('+86')));
    expect(mask('+8613800138000')).toBe('+86 138****8000');
    expect(mask('+33612345678')).toBe('+33 6****5678');
    expect(mask('+85251234567')).toBe('+852 ****4567');
    expect(maskReportedNumber('+8613100131000')).toBe('+86 131****1000');
    expect(maskReportedNumber('12')).toBe('**');
  });
});

describe('test send limit settings', () => {
  it('default to 20 per user and 5 per number an hour, 100 per connector a day', () => {
    expect(loadConfig({}).testSends).toEqual({
      perUserPerHour: 20,
      perPhonePerHour: 5,
      perConnectorPerDay: 100,
    });
  });

  it('refuse a value that is not a positive whole number, naming the key', () => {
    let error: unknown;
    try {
      loadConfig({ TEST_SEND_LIMIT_PER_USER_PER_HOUR: '0', TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY: 'many' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringContaining('TEST_SEND_LIMIT_PER_USER_PER_HOUR'),
      expect.stringContaining('TEST_SEND_LIMIT_PER_CONNECTOR_PER_DAY'),
    ]);
  });
});
