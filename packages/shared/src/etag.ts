/** Connector versions as weak ETags: `W/"<version>"`. */
export const etagOf = (version: number) => `W/"${version}"`;

/** Reads a version out of `If-Match` (`W/"3"`, `"3"` or `3`); null when it is not one of ours. */
export function versionFromEtag(header: string): number | null {
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return match ? Number(match[1]) : null;
}
