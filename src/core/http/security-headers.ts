/** Security headers for every response: pages may load only their own scripts, styles and data. */
import type { MiddlewareHandler } from 'hono';

/** The policy the chat page is written against: no inline script, nothing from other origins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // previews of a chosen photo are blob: URLs; the icon is a data: URL
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Array<[string, string]> = Object.entries({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

/** HSTS for a year: once a browser has seen it over HTTPS, it never talks plain HTTP to us again. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Add the headers unless a mounted app already chose its own; HSTS when the request came over HTTPS
 * (X-Forwarded-Proto is believed only with `trustProxy`, i.e. TRUST_PROXY=true behind a proxy that sets it).
 */
export function securityHeaders(options: { trustProxy?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const forwarded = options.trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() : undefined;
    // A Request's url is already parsed and serialised (scheme lower case): no second URL parse per response.
    const https = forwarded ? forwarded === 'https' : c.req.url.startsWith('https:');
    const headers = c.res.headers;
    if (https && !headers.has('Strict-Transport-Security')) headers.set('Strict-Transport-Security', HSTS);
    for (const [name, value] of HEADERS) {
      if (!headers.has(name)) headers.set(name, value);
    }
  };
}
