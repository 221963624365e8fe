/** Small pure rules about Tencent's data that services and routes share. */

export type ReviewStatus = 'approved' | 'reviewing' | 'approved_pending' | 'rejected';

/**
 * Tencent's StatusCode for templates and signs. Only 0 is usable for sending. An unknown code is treated
 * as "reviewing": not usable, and not a verdict we can show as final.
 */
export function statusFromCode(statusCode: number): ReviewStatus {
  switch (statusCode) {
    case 0:
      return 'approved';
    case 2:
      return 'approved_pending';
    case -1:
      return 'rejected';
    default:
      return 'reviewing';
  }
}

/** The distinct variable numbers of a template (`{1}`, `{2}`…), in order of first appearance. */
export function variablesOf(content: string): number[] {
  const seen: number[] = [];
  for (const match of content.matchAll(/\{(\d+)\}/g)) {
    const n = Number(match[1]);
    if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}
