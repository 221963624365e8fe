import type { CreateTestSend, TestSendMode } from '@smsdesk/shared/schemas/test-sends';
import type { UsageType } from '@smsdesk/shared/usage-types';

export interface Country {
  code: string;
  dial: string;
  /** English name, for a runtime without region names. */
  name: string;
}

/** A short list: mainland China first (a mainland connector's only destination), then common international ones. */
export const countries: readonly Country[] = [
  { code: 'CN', dial: '86', name: 'China (mainland)' },
  { code: 'HK', dial: '852', name: 'Hong Kong' },
  { code: 'MO', dial: '853', name: 'Macao' },
  { code: 'TW', dial: '886', name: 'Taiwan' },
  { code: 'SG', dial: '65', name: 'Singapore' },
  { code: 'JP', dial: '81', name: 'Japan' },
  { code: 'KR', dial: '82', name: 'South Korea' },
  { code: 'US', dial: '1', name: 'United States' },
  { code: 'CA', dial: '1', name: 'Canada' },
  { code: 'GB', dial: '44', name: 'United Kingdom' },
  { code: 'FR', dial: '33', name: 'France' },
  { code: 'DE', dial: '49', name: 'Germany' },
  { code: 'AU', dial: '61', name: 'Australia' },
  { code: 'IN', dial: '91', name: 'India' },
];

/** The country's name in the reader's language (Intl knows them all), else its English name. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return countries.find((c) => c.code === code)?.name ?? code;
  }
}

export const defaultCountry = (international: boolean) => (international ? 'US' : 'CN');

export interface TestSendFormValues {
  phoneNumber: string;
  country: string;
  usageType: UsageType;
  mode: TestSendMode;
  uiLocales: string;
}

export const initialTestSendValues = (international: boolean): TestSendFormValues => ({
  phoneNumber: '',
  country: defaultCountry(international),
  usageType: 'SignIn',
  mode: 'smsdesk',
  uiLocales: '',
});

/** Spaces, dashes, dots and brackets people type in numbers; the API takes digits (and a leading +). */
const cleanNumber = (raw: string) => raw.trim().replace(/[\s\-.()]/g, '');

/**
 * The request body: a number typed with + is E.164 and goes alone; a national number goes with its country.
 * `uiLocales` only means something in Logto-exact mode (Logto adds it as a second template parameter).
 */
export function buildTestSendBody(values: TestSendFormValues): CreateTestSend {
  const phoneNumber = cleanNumber(values.phoneNumber);
  const uiLocales = values.uiLocales.trim();
  return {
    phoneNumber,
    ...(phoneNumber.startsWith('+') ? {} : { country: values.country }),
    usageType: values.usageType,
    mode: values.mode,
    ...(values.mode === 'logto' && uiLocales ? { uiLocales } : {}),
  };
}

/** The number in E.164 (for the emulator's inbox link), or null when it cannot be told. */
export function e164Of(body: Pick<CreateTestSend, 'phoneNumber' | 'country'>): string | null {
  if (body.phoneNumber.startsWith('+')) return body.phoneNumber;
  const country = countries.find((c) => c.code === body.country);
  if (!country) return null;
  const national = body.phoneNumber.replace(/^0+/, '');
  // Already with the country's digits in front, as Logto stores numbers (8613800138000)?
  if (country.code === 'CN' && national.length === 13 && national.startsWith('86')) return `+${national}`;
  return `+${country.dial}${national}`;
}
