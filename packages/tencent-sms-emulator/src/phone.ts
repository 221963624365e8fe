// Phone number forms Tencent SendSms accepts: mainland China as +86 / 0086 / 86 / bare 11 digits starting
// with 1 (Logto stores `8613800138000`, no plus); everything else must be E.164 with a leading `+`.

export type PhoneRegion = 'mainland' | 'international';

export type ParsedPhone =
  | {
      valid: true;
      region: PhoneRegion;
      e164: string;
      nationCode: string;
      subscriber: string;
      isoCode: string;
    }
  | { valid: false; region: PhoneRegion };

// A small calling-code → ISO table; enough for tests and dev data. Unknown codes still send, with IsoCode
// "DEF" as Tencent answers for a country it cannot name.
const ISO_BY_CALLING_CODE: Record<string, string> = {
  '1': 'US',
  '7': 'RU',
  '33': 'FR',
  '34': 'ES',
  '39': 'IT',
  '44': 'GB',
  '49': 'DE',
  '55': 'BR',
  '60': 'MY',
  '61': 'AU',
  '62': 'ID',
  '63': 'PH',
  '65': 'SG',
  '66': 'TH',
  '81': 'JP',
  '82': 'KR',
  '84': 'VN',
  '91': 'IN',
  '852': 'HK',
  '850': 'KP',
  '853': 'MO',
  '886': 'TW',
};

function splitCallingCode(digits: string): { nationCode: string; subscriber: string; isoCode: string } {
  for (const len of [3, 2, 1]) {
    const code = digits.slice(0, len);
    const iso = ISO_BY_CALLING_CODE[code];
    if (iso) return { nationCode: code, subscriber: digits.slice(len), isoCode: iso };
  }
  // Unknown calling code: guess a 2-digit one, as the exact split does not matter for the emulator.
  return { nationCode: digits.slice(0, 2), subscriber: digits.slice(2), isoCode: 'DEF' };
}

export function parsePhone(raw: string): ParsedPhone {
  const s = raw.trim();
  const mainland = /^(?:\+86|0086|86)?(1\d{10})$/.exec(s);
  if (mainland?.[1]) {
    const subscriber = mainland[1];
    return {
      valid: true,
      region: 'mainland',
      e164: `+86${subscriber}`,
      nationCode: '86',
      subscriber,
      isoCode: 'CN',
    };
  }
  if (s.startsWith('+') && !s.startsWith('+86')) {
    const intl = /^\+([1-9]\d{6,14})$/.exec(s);
    if (!intl?.[1]) return { valid: false, region: 'international' };
    return { valid: true, region: 'international', e164: s, ...splitCallingCode(intl[1]) };
  }
  return { valid: false, region: 'mainland' };
}

/** Canonical form used to match a phone filter against stored messages; falls back to the digits. */
export function phoneKey(raw: string): string {
  const p = parsePhone(raw);
  if (p.valid) return p.e164;
  // Logto-style international numbers come without `+`; accept them in filters too.
  const digits = raw.replace(/\D/g, '');
  const withPlus = parsePhone(`+${digits}`);
  return withPlus.valid ? withPlus.e164 : digits;
}
