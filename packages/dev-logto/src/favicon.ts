import type { Middleware } from 'koa';

// The sign-in pages are opened in a browser: an icon of their own instead of a 404 in the console.
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#5d34f2"/><path d="M11 8v16h10" stroke="#fff" stroke-width="3.5" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

/** Serves the icon where browsers ask for it (/favicon.ico) and where the pages point (/favicon.svg). */
export const favicon: Middleware = async (ctx, next) => {
  if (ctx.method === 'GET' && (ctx.path === '/favicon.ico' || ctx.path === '/favicon.svg')) {
    ctx.type = 'image/svg+xml';
    ctx.set('cache-control', 'public, max-age=86400');
    ctx.body = faviconSvg;
    return;
  }
  await next();
};
