/**
 * Who may use a web chat conversation, and how much one network may send: the credential cookie
 * (credentials.ts) and the per-address budget, applied by every web chat route before anything is
 * stored or shown. Written against Hono's Context only, so a later staff login can reuse it.
 */
import type { Context } from 'hono';
import type { WebChatSettings } from './config.js';
import { credentialCookie, WebCredentials } from './credentials.js';
import { sendWebError, WEB_ERROR_TEXT } from './errors.js';
import { PerKeyRateLimiter } from './rate-limit.js';

/** What the adapter hands its private app as `env`: what the fetch Request does not carry. */
export interface WebRequestEnv {
  remoteAddress?: string;
}

/**
 * The client's address: with `trustProxy`, the last `X-Forwarded-For` entry (the one our proxy
 * added; earlier entries are whatever the client claimed); otherwise the socket's peer.
 * Undefined for in-process requests (tests, benches), which only the per-user limit applies to.
 */
export function clientAddress(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded.length > 0) return forwarded[forwarded.length - 1];
  }
  return (c.env as WebRequestEnv | undefined)?.remoteAddress;
}

/** Whether the browser reached us over HTTPS, so the cookie must be Secure. */
export function cameOverHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = (c.req.header('x-forwarded-proto') ?? '').split(',')[0].trim().toLowerCase();
    if (proto) return proto === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

/** The web chat's gatekeeper: the address budget and the credential cookie. */
export class WebAccess {
  private readonly credentials: WebCredentials;
  private readonly perAddress: PerKeyRateLimiter;

  constructor(private readonly deps: WebChatSettings) {
    this.credentials = new WebCredentials(deps.state, deps.clock, deps.lock);
    this.perAddress = new PerKeyRateLimiter(deps.addressRateLimitPerMinute, deps.clock);
  }

  /** Take one message from the client address's budget; a 429 with Retry-After when it is spent. */
  overAddressBudget(c: Context): Response | undefined {
    const address = clientAddress(c, this.deps.trustProxy);
    if (address === undefined || this.perAddress.take(address)) return undefined;
    return this.tooFast(c);
  }

  /**
   * Let the request act as `userId` only with that userId's cookie; a userId never seen before is
   * claimed by this request (the cookie is set on the response). `countClaim`: a claim takes from
   * the address budget (reads do; messages already took theirs). Undefined when allowed, else the
   * 401 (or 429) to send; nothing has been stored for the conversation either way.
   */
  async authorize(c: Context, userId: string, options: { countClaim: boolean; renew: boolean }): Promise<Response | undefined> {
    const check = await this.credentials.check(userId, c.req.header('cookie'), () => !options.countClaim || this.overAddressBudget(c) === undefined);
    if (!check.ok) {
      if (check.limited) return this.tooFast(c);
      this.deps.logger.info({ path: c.req.path }, 'web request without the conversation credential refused');
      return sendWebError(c, 401, 'unauthorized', WEB_ERROR_TEXT.unauthorized);
    }
    if (check.claimed || options.renew) c.header('Set-Cookie', credentialCookie(userId, check.token, cameOverHttps(c, this.deps.trustProxy)), { append: true });
    return undefined;
  }

  private tooFast(c: Context): Response {
    const seconds = this.perAddress.retryAfterSeconds();
    c.header('Retry-After', String(seconds));
    return sendWebError(c, 429, 'rate_limited', WEB_ERROR_TEXT.addressRateLimited, { seconds });
  }
}
