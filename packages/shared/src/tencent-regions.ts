/**
 * The regions Tencent's SMS API 2021-01-11 documents for its `Region` parameter: the mainland site's
 * three and the international site's Singapore. Any other value is answered `UnsupportedRegion`.
 */
export const tencentSmsRegions = ['ap-guangzhou', 'ap-beijing', 'ap-nanjing', 'ap-singapore'] as const;
export type TencentSmsRegion = (typeof tencentSmsRegions)[number];

export const isTencentSmsRegion = (value: string): value is TencentSmsRegion =>
  (tencentSmsRegions as readonly string[]).includes(value);

/** Tencent adds the sign in 【】 itself; a sign typed with brackets is never the approved sign's text. */
export const signHasBrackets = (signName: string) => /[【】[\]]/.test(signName);
