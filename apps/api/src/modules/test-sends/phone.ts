/**
 * Reading the number a person typed, the way Tencent and Logto will read it. Full metadata (`/max`): the
 * default metadata only checks lengths, and a wrong range must be refused here, before Tencent bills it.
 */
import type { FieldError } from '@smsdesk/shared/schemas/errors';
import {
  type CountryCode,
  isSupportedCountry,
  ParseError,
  type PhoneNumber,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { createError } from '../../errors.ts';

export interface ParsedPhone {
  /** +8613800138000 */
  e164: string;
  /** 86 */
  callingCode: string;
  /** 13800138000 */
  nationalNumber: string;
  country: string | null;
  mainland: boolean;
}

const field = 'body.phoneNumber';

/**
 * Without `+` and without a country, the digits are read as Tencent would for this connector: a mainland
 * connector takes 11 digits starting with 1 as a mainland number (Tencent does), and Logto's stored form
 * (`8613800138000`, calling code without `+`) otherwise; an international connector tries Logto's form first.
 */
export function parsePhone(raw: string, country: string | undefined, international: boolean): ParsedPhone {
  const text = raw.trim().replace(/^00(?=\d)/, '+');
  if (country && !isSupportedCountry(country)) {
    throw invalid('invalidCountry', `country ${country} is not a country code phone numbers know`, [
      { field: 'body.country', rule: 'invalidCountry', message: `${country} is not a known ISO country` },
    ]);
  }
  const candidates: Array<[string, CountryCode | undefined]> = [];
  if (text.startsWith('+')) candidates.push([text, undefined]);
  else if (country) candidates.push([text, country as CountryCode]);
  else {
    const digits = text.replace(/[\s().-]/g, '');
    const logtoForm: [string, undefined] = [`+${digits}`, undefined];
    const mainlandForm: [string, CountryCode] = [text, 'CN'];
    if (/^\d+$/.test(digits))
      candidates.push(...(international ? [logtoForm, mainlandForm] : [mainlandForm, logtoForm]));
    else candidates.push([text, undefined]);
  }

  let firstProblem: FieldError | undefined;
  for (const [input, defaultCountry] of candidates) {
    const result = tryParse(input, defaultCountry, Boolean(country) || text.startsWith('+'));
    if ('phone' in result) {
      const { phone } = result;
      return {
        e164: phone.number,
        callingCode: phone.countryCallingCode,
        nationalNumber: phone.nationalNumber,
        country: phone.country ?? null,
        mainland: phone.countryCallingCode === '86',
      };
    }
    firstProblem ??= result.problem;
  }
  const problem = firstProblem as FieldError;
  throw invalid(problem.rule, problem.message);
}

function tryParse(
  input: string,
  defaultCountry: CountryCode | undefined,
  explicit: boolean,
): { phone: PhoneNumber } | { problem: FieldError } {
  const where = defaultCountry && explicit ? ` for ${defaultCountry}` : '';
  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(input, defaultCountry);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { problem: problemFor(error.message, where) };
  }
  if (phone.isValid()) return { phone };
  const length = validatePhoneNumberLength(input, defaultCountry);
  if (length) return { problem: problemFor(length, where) };
  const region = phone.country ?? `+${phone.countryCallingCode}`;
  return {
    problem: {
      field,
      rule: 'invalidNumber',
      message: `is not a valid number in ${region}: no number range there starts with ${phone.nationalNumber.slice(0, 3)}`,
    },
  };
}

function problemFor(reason: string, where: string): FieldError {
  switch (reason) {
    case 'TOO_SHORT':
      return { field, rule: 'tooShort', message: `is too short to be a phone number${where}` };
    case 'TOO_LONG':
      return { field, rule: 'tooLong', message: `is too long to be a phone number${where}` };
    case 'INVALID_LENGTH':
      return { field, rule: 'invalidLength', message: `has a length no phone number${where} has` };
    case 'INVALID_COUNTRY':
      return {
        field,
        rule: 'invalidCountry',
        message:
          'has no country calling code it could be read with: start it with + and the calling code (+86…, +33…), or give a country',
      };
    default:
      return { field, rule: 'notANumber', message: 'is not a phone number: use digits, e.g. +8613800138000' };
  }
}

function invalid(rule: string, message: string, extra: FieldError[] = []) {
  return createError('VALIDATION_FAILED', `The phone number ${message}`, {
    fields: [{ field, rule, message }, ...extra],
  });
}

/** Refuses a number the connector cannot send to: Tencent separates mainland China from the rest. */
export function assertConnectorFits(phone: ParsedPhone, international: boolean): void {
  if (phone.mainland && international) {
    const message =
      'this connector is international-only: +86 numbers need a mainland connector (mainland templates and a sign)';
    throw createError('VALIDATION_FAILED', `Cannot send to this number: ${message}`, {
      fields: [{ field, rule: 'connectorRegion', message }],
    });
  }
  if (!phone.mainland && !international) {
    const message = `this connector is mainland-only: use an international connector for +${phone.callingCode} numbers`;
    throw createError('VALIDATION_FAILED', `Cannot send to this number: ${message}`, {
      fields: [{ field, rule: 'connectorRegion', message }],
    });
  }
}

/** `+86 138****8000`: never fewer than 4 digits hidden, at most the first 3 and the last 4 shown. */
export function maskPhone(phone: ParsedPhone): string {
  const n = phone.nationalNumber;
  const tail = Math.min(4, Math.max(0, n.length - 4));
  const head = Math.min(3, Math.max(0, n.length - 4 - tail));
  const hidden = n.length - head - tail;
  return `+${phone.callingCode} ${n.slice(0, head)}${'*'.repeat(hidden)}${n.slice(n.length - tail)}`;
}

/** Masks a number as Tencent reports it (E.164, or mainland digits), for storing reports of any send. */
export function maskReportedNumber(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  try {
    const phone = parsePhoneNumberWithError(raw.startsWith('+') ? raw : `+${digits}`);
    return maskPhone({
      e164: phone.number,
      callingCode: phone.countryCallingCode,
      nationalNumber: phone.nationalNumber,
      country: phone.country ?? null,
      mainland: phone.countryCallingCode === '86',
    });
  } catch {
    const keep = Math.min(4, Math.max(0, digits.length - 4));
    return `${'*'.repeat(digits.length - keep)}${digits.slice(digits.length - keep)}`;
  }
}
