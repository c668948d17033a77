/**
 * One worker, several channels: a worker links channel identities with a
 * one-time code ("绑定" on one channel, "绑定 123456" on the other) and then
 * sees all their cases from either. Kept in the conversation-state store
 * (keyv), so it is shared across instances with the Redis backend.
 */
import { randomInt } from 'node:crypto';
import type { Clock } from '../core/types.js';
import type { ConversationStateStore } from '../core/ports.js';
import type { IdentityPort } from '../dialog/services.js';

/** How long a linking code stays valid. */
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;
/** Wrong codes allowed per identity before it must ask for a new one. */
const MAX_ATTEMPTS = 5;

interface PendingCode {
  userKey: string;
  expiresAt: number;
}

/** Result of redeeming a code. */
export type LinkResult = { ok: true; linked: string[] } | { ok: false; reason: 'invalid' | 'expired' | 'same_identity' | 'too_many_attempts' };

/** Identity links on top of the key-value store. */
export class IdentityLinks implements IdentityPort {
  constructor(
    private readonly store: ConversationStateStore,
    private readonly clock: Clock,
  ) {}

  /** All identities linked with `userKey`, itself included. */
  async linkedUserKeys(userKey: string): Promise<string[]> {
    const group = await this.store.get<string[]>(`identity:${userKey}`);
    return group?.length ? group : [userKey];
  }

  /** Issue a six-digit code for `userKey` (replacing an older one). */
  async issueCode(userKey: string): Promise<string> {
    let code = '';
    for (let i = 0; i < 5; i++) {
      code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!(await this.store.get(`linkcode:${code}`))) break;
    }
    const pending: PendingCode = { userKey, expiresAt: this.clock.now().getTime() + LINK_CODE_TTL_MS };
    await this.store.set(`linkcode:${code}`, pending);
    await this.store.delete(`linkattempts:${userKey}`);
    return code;
  }

  /** Redeem a code from another identity; links both groups on success. */
  async redeem(userKey: string, code: string): Promise<LinkResult> {
    const attemptsKey = `linkattempts:${userKey}`;
    const attempts = (await this.store.get<number>(attemptsKey)) ?? 0;
    if (attempts >= MAX_ATTEMPTS) return { ok: false, reason: 'too_many_attempts' };
    const pending = await this.store.get<PendingCode>(`linkcode:${code}`);
    if (!pending) {
      await this.store.set(attemptsKey, attempts + 1);
      return { ok: false, reason: 'invalid' };
    }
    if (pending.expiresAt < this.clock.now().getTime()) {
      await this.store.delete(`linkcode:${code}`);
      return { ok: false, reason: 'expired' };
    }
    if (pending.userKey === userKey) return { ok: false, reason: 'same_identity' };
    await this.store.delete(`linkcode:${code}`);
    const merged = [...new Set([...(await this.linkedUserKeys(pending.userKey)), ...(await this.linkedUserKeys(userKey))])].sort();
    for (const key of merged) await this.store.set(`identity:${key}`, merged);
    await this.store.delete(attemptsKey);
    return { ok: true, linked: merged };
  }

  /** Remove `userKey` from its group. */
  async unlink(userKey: string): Promise<void> {
    const group = await this.linkedUserKeys(userKey);
    const rest = group.filter((k) => k !== userKey);
    for (const key of rest) await this.store.set(`identity:${key}`, rest.length > 1 ? rest : [key]);
    await this.store.delete(`identity:${userKey}`);
  }
}
