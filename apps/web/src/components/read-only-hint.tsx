/** Shown beside change controls that are disabled for a caller without write:connectors. */
export function ReadOnlyHint() {
  return <p className="read-only-hint">read-only: your role has read:connectors only</p>;
}
