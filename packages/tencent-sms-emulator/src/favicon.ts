// The inbox is opened in a browser during manual testing: an icon of its own instead of a 404 in the console.
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="7" y="2" width="18" height="28" rx="4" fill="#0b8a5f"/><rect x="10" y="6" width="12" height="17" rx="1" fill="#fff"/><circle cx="16" cy="26.5" r="1.5" fill="#fff"/></svg>`;

/** Browsers ask for /favicon.ico by themselves; the pages point at /favicon.svg. */
export const faviconPaths = new Set(['/favicon.ico', '/favicon.svg']);
