/**
 * A browser's cookie jar for tests that call the web chat API without a browser: it keeps what
 * responses set and sends it back, as a browser does for same-origin requests. Path and domain are
 * ignored (the web chat's cookies are all for /api/web on one host); Max-Age=0 removes a cookie.
 */
import { parseCookies } from './parse-set-cookie.js';

/** Something with Hono's `app.request`. */
interface RequestsApp {
  request(input: string, init?: RequestInit, env?: unknown): Response | Promise<Response>;
}

/** One browser's cookies. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** The Cookie header to send, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** How many cookies the jar holds. */
  get size(): number {
    return this.cookies.size;
  }

  /** `init` with the jar's cookies added to its headers. */
  withCookies(init: RequestInit = {}): RequestInit {
    const headers = new Headers(init.headers);
    const cookie = this.header();
    if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
    return { ...init, headers };
  }

  /** Remember what a response set; returns the response. */
  take<R extends Response>(response: R): R {
    for (const { name, value, maxAge } of parseCookies(response.headers.getSetCookie())) {
      if (maxAge !== undefined && maxAge <= 0) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** `app.request` through the jar. */
  async request(app: RequestsApp, path: string, init: RequestInit = {}, env?: unknown): Promise<Response> {
    return this.take(await app.request(path, this.withCookies(init), env));
  }

  /** Global `fetch` through the jar. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    return this.take(await fetch(url, this.withCookies(init)));
  }
}

/** One jar per app: every in-process test client of an app shares a browser, as one tester would. */
const jars = new WeakMap<object, CookieJar>();

/** The jar of `app` (made on first use). */
export function jarOf(app: object): CookieJar {
  let jar = jars.get(app);
  if (!jar) jars.set(app, (jar = new CookieJar()));
  return jar;
}
