/**
 * Where to send a browser after sign-in: a path on this API's own origin, or `/`. The value is parsed as
 * a browser would resolve it against `BASE_URL` (so `/\evil.example`, tabs and `//` tricks resolve to
 * another host and are refused), and only the path, query and fragment are kept, percent-encoded by the
 * URL parser, so the Location header can never carry a character Node refuses to write.
 */
export function sameOriginPath(value: string | undefined | null, baseUrl: string): string {
  if (!value) return '/';
  const base = new URL(baseUrl);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base.origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` normalizes to `//evil.example`, which a browser reads as another host.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/auth/')) return '/';
  return path;
}
