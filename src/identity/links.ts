/**
 * One worker, several channels: a worker links channel identities with a
 * one-time code ("绑定" on one channel, "绑定 K7QM-R2XP" on the other) and then
 * sees all their cases from either. Kept in the conversation-state store
 * (keyv), so it is shared across instances with the Redis backend.
 *
 * Linking cannot be guessed: a code is 8 characters from a 31-character alphabet without
 * look-alikes (31^8 ≈ 8.5 × 10^11), and wrong guesses are limited per identity, per source (the
 * sender's network address where the channel knows it) and per code, with a lockout that says when
 * to try again; a burst of wrong guesses across everyone pauses redeeming for a while. Wrong guesses
 * are counted by the core's RateCounter in fixed windows (in Redis in shared mode, so instances
 * count together and atomically). A link is announced to the other identity, and either side can
 * undo it ("解除绑定").
 */
import { randomInt } from 'node:crypto';
import type { Clock } from '../core/types.js';
import type { ConversationStateStore, RateCounter } from '../core/ports.js';
import { MemoryRateCounter } from '../core/rate-counter.js';
import type { IdentityPort, LinkFailure } from '../dialog/services.js';

/** How long a linking code stays valid. */
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;
/** Characters of a code: no 0/O, 1/I/L, so a code read aloud or from a screen is typed right. */
export const LINK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Length of a code. */
export const LINK_CODE_LENGTH = 8;

/** Abuse limits: wrong guesses allowed in a fixed window; once they are spent, redeeming waits for the window's end. */
export const LINK_LIMITS = {
  /** Per identity: 5 wrong codes in a 15-minute window lock that identity until the window ends. */
  identity: { failures: 5, windowMs: 15 * 60 * 1000 },
  /** Per source (address): 20 wrong codes in an hour's window lock the address until it ends. */
  source: { failures: 20, windowMs: 60 * 60 * 1000 },
  /** Per code: 3 refused redemptions (another identity's lockout, its own channel) and the code is void. */
  code: { failures: 3 },
  /** Everyone: 300 wrong codes in a 10-minute window pause redeeming until it ends (a distributed guess). */
  global: { failures: 300, windowMs: 10 * 60 * 1000 },
} as const;

/** One count of wrong guesses: its key and its limit. */
interface FailureCount {
  key: string;
  limit: { failures: number; windowMs: number };
}

interface PendingCode {
  userKey: string;
  /** Where to tell the issuer that the link was made. */
  conversationKey?: string;
  expiresAt: number;
  /** Refused redemptions of this code. */
  refused?: number;
}

/** Result of redeeming a code. */
export type LinkResult = { ok: true; linked: string[] } | LinkFailure;

/** Who is redeeming, and from where. */
export interface Redeemer {
  userKey: string;
  conversationKey?: string;
  /** The sender's network address where the channel knows it. */
  source?: string;
}

/** Tells an identity's conversation that it was linked or unlinked (delivery, in the app). */
export type LinkNotifier = (conversationKey: string, event: 'linked' | 'unlinked', other: string) => Promise<void>;

/** The refusal while a limit is spent, saying when to try again. */
function tooManyAttempts(waitMs: number): LinkFailure {
  return { ok: false, reason: 'too_many_attempts', retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };
}

/** Canonical form of a typed code: upper case, no spaces or dashes. */
export function normaliseLinkCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** A code as shown: "K7QM-R2XP". */
export function formatLinkCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Identity links on top of the key-value store. */
export class IdentityLinks implements IdentityPort {
  /** `rates` counts wrong guesses: the storage's shared counter in shared mode, in memory otherwise. */
  constructor(
    private readonly store: ConversationStateStore,
    private readonly clock: Clock,
    private readonly notify?: LinkNotifier,
    private readonly rates: RateCounter = new MemoryRateCounter(),
  ) {}

  /** All identities linked with `userKey`, itself included. */
  async linkedUserKeys(userKey: string): Promise<string[]> {
    const group = await this.store.get<string[]>(`identity:${userKey}`);
    return group?.length ? group : [userKey];
  }

  /** Issue a code for `userKey` (replacing an older one), formatted for display. */
  async issueCode(userKey: string, conversationKey?: string): Promise<string> {
    let code = '';
    for (let i = 0; i < 5; i++) {
      code = Array.from({ length: LINK_CODE_LENGTH }, () => LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)]).join('');
      if (!(await this.store.get(`linkcode:${code}`))) break;
    }
    const previous = await this.store.get<string>(`linkcodeof:${userKey}`);
    if (previous) await this.store.delete(`linkcode:${previous}`);
    const pending: PendingCode = { userKey, conversationKey, expiresAt: this.clock.now().getTime() + LINK_CODE_TTL_MS };
    await this.store.set(`linkcode:${code}`, pending);
    await this.store.set(`linkcodeof:${userKey}`, code);
    return formatLinkCode(code);
  }

  /** Redeem a code from another identity; links both groups on success and tells the other side. */
  async redeem(who: Redeemer | string, typed: string): Promise<LinkResult> {
    const redeemer: Redeemer = typeof who === 'string' ? { userKey: who } : who;
    const at = this.clock.now();
    const now = at.getTime();
    const counts: FailureCount[] = [
      { key: `linkfail:id:${redeemer.userKey}`, limit: LINK_LIMITS.identity },
      ...(redeemer.source ? [{ key: `linkfail:src:${redeemer.source}`, limit: LINK_LIMITS.source }] : []),
      { key: 'linkfail:global', limit: LINK_LIMITS.global },
    ];
    for (const { key, limit } of counts) {
      const { count, resetAt } = await this.rates.peek(key, limit.windowMs, at);
      if (count >= limit.failures) return tooManyAttempts(resetAt - now);
    }
    const code = normaliseLinkCode(typed);
    const codeKey = `linkcode:${code}`;
    const pending = code.length === LINK_CODE_LENGTH ? await this.store.get<PendingCode>(codeKey) : undefined;
    if (!pending || pending.expiresAt < now) {
      if (pending) await this.store.delete(codeKey);
      const locked = await this.countFailure(counts, at);
      if (locked > 0) return tooManyAttempts(locked);
      return { ok: false, reason: pending ? 'expired' : 'invalid' };
    }
    if (pending.userKey === redeemer.userKey || (await this.linkedUserKeys(pending.userKey)).includes(redeemer.userKey)) {
      const refused = (pending.refused ?? 0) + 1;
      if (refused >= LINK_LIMITS.code.failures) await this.store.delete(codeKey);
      else await this.store.set(codeKey, { ...pending, refused });
      return { ok: false, reason: 'same_identity' };
    }
    await this.store.delete(codeKey);
    await this.store.delete(`linkcodeof:${pending.userKey}`);
    const merged = [...new Set([...(await this.linkedUserKeys(pending.userKey)), ...(await this.linkedUserKeys(redeemer.userKey))])].sort();
    for (const key of merged) await this.store.set(`identity:${key}`, merged);
    if (pending.conversationKey) await this.store.set(`identityconv:${pending.userKey}`, pending.conversationKey);
    if (redeemer.conversationKey) await this.store.set(`identityconv:${redeemer.userKey}`, redeemer.conversationKey);
    if (pending.conversationKey) await this.tell(pending.conversationKey, 'linked', redeemer.userKey);
    return { ok: true, linked: merged };
  }

  /** Remove `userKey` from its group (either side may); the identities left are told. Returns who was unlinked. */
  async unlink(userKey: string): Promise<string[]> {
    const group = await this.linkedUserKeys(userKey);
    const rest = group.filter((k) => k !== userKey);
    for (const key of rest) await this.store.set(`identity:${key}`, rest.length > 1 ? rest : [key]);
    await this.store.delete(`identity:${userKey}`);
    for (const key of rest) {
      const conversation = await this.store.get<string>(`identityconv:${key}`);
      if (conversation) await this.tell(conversation, 'unlinked', userKey);
    }
    return rest;
  }

  /** Count a wrong guess on every count; the wait (ms) until the longest lockout it led to ends, or 0. */
  private async countFailure(counts: FailureCount[], at: Date): Promise<number> {
    let locked = 0;
    for (const { key, limit } of counts) {
      const { count, resetAt } = await this.rates.hit(key, limit.windowMs, at);
      if (count >= limit.failures) locked = Math.max(locked, resetAt - at.getTime());
    }
    return locked;
  }

  private async tell(conversationKey: string, event: 'linked' | 'unlinked', other: string): Promise<void> {
    try {
      await this.notify?.(conversationKey, event, other);
    } catch {
      // The link stands even if the notice could not be sent now; delivery retries what it logged.
    }
  }
}
