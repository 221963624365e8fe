export interface MappingChange {
  usageType: string;
  /** null: none mapped. */
  before: string | null;
  after: string | null;
}

const line = /^([A-Za-z]+): (\S+) → (\S+)$/;

/**
 * The template mapping change the API writes into a connector update's detail
 * ("SignIn: 100001 → 100004; Register: — → 100005"), or null when the detail is something else.
 */
export function mappingDiffOf(detail: string | undefined): MappingChange[] | null {
  if (!detail) return null;
  const none = (code: string | undefined) => (code === undefined || code === '—' ? null : code);
  const rows: MappingChange[] = [];
  for (const part of detail.split('; ')) {
    const match = line.exec(part);
    if (!match?.[1]) return null;
    rows.push({ usageType: match[1], before: none(match[2]), after: none(match[3]) });
  }
  return rows;
}
