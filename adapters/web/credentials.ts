/**
 * The web chat's credential: the userId names a conversation, the cookie proves the browser may use it.
 *
 * The first request as a userId nobody has claimed yet claims it: the server makes a random token,
 * stores only its SHA-256 with the userId, and sets the token as an httpOnly, SameSite=Lax cookie.
 * Every later request as that userId must carry the cookie. The record lives in the conversation
 * state store (keyv on SQLite embedded, Redis in shared mode), so every instance agrees; a claim
 * runs under the conversation lock (Redis in shared mode, in-process otherwise), so two first
 * requests racing for one userId cannot both win.
 *
 * One cookie per userId, named after a hash of the userId (`gyw_<20 hex>`), rather than one cookie
 * with a signed list: it needs no server secret to configure, share between instances and rotate;
 * each credential is checked (and can be revoked) on its own against the store, the single source
 * of truth; and the page uses one userId, so a browser normally holds one small cookie.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ConversationLock, ConversationStateStore } from '../../src/core/ports.js';
import type { Clock } from '../../src/core/types.js';
import { KeyedQueue } from '../../src/core/keyed-queue.js';

/** Where the cookie is sent: the web chat API only, not the page, the console or staff APIs. */
export const CREDENTIAL_COOKIE_PATH = '/api/web';
/** How long a browser keeps the cookie without using it; each message renews it. */
export const CREDENTIAL_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** What is stored per userId: never the token itself. */
export interface StoredCredential {
  /** SHA-256 of the token, hex. */
  tokenHash: string;
  claimedAt: string;
}

/** The outcome of checking a request's cookie for a userId. */
export type CredentialCheck =
  /** The cookie matches; `token` is its value (to renew the cookie). */
  | { ok: true; claimed: false; token: string }
  /** The userId was unclaimed and is now this browser's: set `token` as the cookie. */
  | { ok: true; claimed: true; token: string }
  /** The userId belongs to another browser (or this one lost its cookie). */
  | { ok: false; limited?: false }
  /** The userId was unclaimed, but `mayClaim` said no (the address's budget is spent); nothing stored. */
  | { ok: false; limited: true };

// one-shot hash: every web message hashes three times (cookie name twice, the token once); ~1.2 → ~0.7 µs each
const sha256 = (text: string) => hash('sha256', text, 'buffer');

/** The state-store key of a userId's credential. */
export function credentialKey(userId: string): string {
  return `webcredential:${userId}`;
}

/** The cookie name for a userId: a hash, so ids with any characters make a valid, short name. */
export function credentialCookieName(userId: string): string {
  return `gyw_${sha256(userId).toString('hex').slice(0, 20)}`;
}

/** Read one cookie from a Cookie header (the last one wins if repeated). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let found: string | undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) found = part.slice(eq + 1).trim();
  }
  return found;
}

/** The Set-Cookie value binding this browser to `userId`. */
export function credentialCookie(userId: string, token: string, secure: boolean): string {
  const parts = [
    `${credentialCookieName(userId)}=${token}`,
    `Path=${CREDENTIAL_COOKIE_PATH}`,
    `Max-Age=${CREDENTIAL_MAX_AGE_SECONDS}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** How many credentials one instance keeps in memory (about 150 bytes each). */
const KNOWN_CREDENTIALS = 50_000;

/** Checks and claims web chat credentials in the shared state store. */
export class WebCredentials {
  private readonly local = new KeyedQueue();
  /**
   * Credentials already read or claimed here, so most requests need no store read; bounded, the
   * oldest dropped first, and dropped when revoked here (`forget`).
   */
  private readonly known = new Map<string, StoredCredential>();

  private readonly remembering: boolean;

  /**
   * `remember`: keep credentials in memory (the default). Only right when this instance is the only
   * one using the store: another instance may revoke a credential (an erasure, retention), and only
   * the store knows.
   */
  constructor(
    private readonly store: ConversationStateStore,
    private readonly clock: Clock,
    private readonly lock?: ConversationLock,
    options: { remember?: boolean } = {},
  ) {
    this.remembering = options.remember ?? true;
  }

  /** Revoke `userId`'s credential: its cookie opens nothing, and the next first request claims it afresh. */
  async forget(userId: string): Promise<void> {
    const key = credentialKey(userId);
    // behind any read of this userId under way here, so none puts the revoked credential back in memory
    await this.local.run(key, async () => {
      this.known.delete(key);
      await this.store.delete(key);
    });
  }

  /**
   * Check the cookie a request carried for `userId`; an unclaimed userId is claimed by this request.
   * Claims are serialised per userId (across instances through the lock), so exactly one wins.
   */
  async check(userId: string, cookieHeader: string | undefined, mayClaim: () => Promise<boolean> = async () => true): Promise<CredentialCheck> {
    const presented = readCookie(cookieHeader, credentialCookieName(userId));
    const key = credentialKey(userId);
    const cached = this.known.get(key);
    if (cached) return this.matches(cached, presented);
    const claim = async (): Promise<CredentialCheck> => {
      const again = await this.store.get<StoredCredential>(key);
      if (again) return this.matches(this.remember(key, again), presented);
      if (!(await mayClaim())) return { ok: false, limited: true };
      const token = randomBytes(32).toString('base64url');
      const credential: StoredCredential = { tokenHash: sha256(token).toString('hex'), claimedAt: this.clock.now().toISOString() };
      await this.store.set<StoredCredential>(key, credential);
      this.remember(key, credential);
      return { ok: true, claimed: true, token };
    };
    return this.local.run(key, async () => {
      const stored = await this.store.get<StoredCredential>(key);
      if (stored) return this.matches(this.remember(key, stored), presented);
      // a lock key of its own, so a claim never waits behind a long turn of the conversation
      return this.lock ? this.lock.run(key, claim) : claim();
    });
  }

  private remember(key: string, credential: StoredCredential): StoredCredential {
    if (!this.remembering) return credential;
    if (this.known.size >= KNOWN_CREDENTIALS) this.known.delete(this.known.keys().next().value!);
    this.known.set(key, credential);
    return credential;
  }

  private matches(stored: StoredCredential, presented: string | undefined): CredentialCheck {
    if (!presented || !/^[A-Za-z0-9_-]{20,100}$/.test(presented)) return { ok: false };
    const expected = Buffer.from(stored.tokenHash, 'hex');
    const actual = sha256(presented);
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? { ok: true, claimed: false, token: presented } : { ok: false };
  }
}
