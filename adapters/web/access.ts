/**
 * Who may use a web chat conversation, and how much one network and one user may send: the
 * credential cookie (credentials.ts) and the per-address and per-user budgets, applied by every web
 * chat route before anything is stored or shown. Written against Hono's Context only, so a later staff login can reuse it.
 */
import type { Context } from 'hono';
import type { WebChatSettings } from './config.js';
import { credentialCookie, WebCredentials } from './credentials.js';
import { sendWebError, WEB_ERROR_TEXT } from './errors.js';
import { WebBudget } from './rate-limit.js';
import type { BiText } from '../../src/core/i18n.js';

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
  // a Request's url is already serialised (scheme lower case): no URL parse per message
  return c.req.url.startsWith('https:');
}

/** The web chat's gatekeeper: the address and user budgets and the credential cookie. */
export class WebAccess {
  private readonly credentials: WebCredentials;
  private readonly perAddress: WebBudget;
  private readonly perUser: WebBudget;

  constructor(private readonly deps: WebChatSettings) {
    // Several instances (a lock is given) may revoke a credential elsewhere, so each request asks the store.
    this.credentials = new WebCredentials(deps.state, deps.clock, deps.lock, { remember: !deps.lock });
    this.perAddress = new WebBudget(deps.rates, 'web:address', deps.addressRateLimitPerMinute, deps.clock, deps.logger);
    this.perUser = new WebBudget(deps.rates, 'web:user', deps.rateLimitPerMinute, deps.clock, deps.logger);
  }

  /** Take one message from the client address's budget; a 429 with Retry-After when it is spent. */
  async overAddressBudget(c: Context): Promise<Response | undefined> {
    const wait = await this.takeFromAddress(c);
    return wait === undefined ? undefined : this.tooFast(c, wait, WEB_ERROR_TEXT.addressRateLimited);
  }

  /** Take one message from the user's budget; a 429 with Retry-After when it is spent. */
  async overUserBudget(c: Context, userId: string): Promise<Response | undefined> {
    const wait = await this.perUser.take(userId);
    return wait === undefined ? undefined : this.tooFast(c, wait, WEB_ERROR_TEXT.rateLimited);
  }

  /**
   * Let the request act as `userId` only with that userId's cookie; a userId never seen before is
   * claimed by this request (the cookie is set on the response). `countClaim`: a claim takes from
   * the address budget (reads do; messages already took theirs). Undefined when allowed, else the
   * 401 (or 429) to send; nothing has been stored for the conversation either way.
   */
  async authorize(c: Context, userId: string, options: { countClaim: boolean; renew: boolean }): Promise<Response | undefined> {
    let wait: number | undefined;
    const mayClaim = async () => !options.countClaim || (wait = await this.takeFromAddress(c)) === undefined;
    const check = await this.credentials.check(userId, c.req.header('cookie'), mayClaim);
    if (!check.ok) {
      if (check.limited) return this.tooFast(c, wait ?? 60, WEB_ERROR_TEXT.addressRateLimited);
      this.deps.logger.info({ path: c.req.path }, 'web request without the conversation credential refused');
      return sendWebError(c, 401, 'unauthorized', WEB_ERROR_TEXT.unauthorized);
    }
    if (check.claimed || options.renew) c.header('Set-Cookie', credentialCookie(userId, check.token, cameOverHttps(c, this.deps.trustProxy)), { append: true });
    return undefined;
  }

  /** The worker's data of this web user was erased or expired: the userId is unclaimed again. */
  forget(userId: string): Promise<void> {
    return this.credentials.forget(userId);
  }

  /** Seconds to wait when the address is over its budget; undefined when the request may go on. */
  private async takeFromAddress(c: Context): Promise<number | undefined> {
    const address = clientAddress(c, this.deps.trustProxy);
    return address === undefined ? undefined : this.perAddress.take(address);
  }

  private tooFast(c: Context, seconds: number, text: BiText): Response {
    c.header('Retry-After', String(seconds));
    return sendWebError(c, 429, 'rate_limited', text, { seconds });
  }
}
