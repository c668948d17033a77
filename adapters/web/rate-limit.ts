/**
 * A per-user message budget for the public web chat: a worker types far
 * slower than the limit, a script flooding the bot does not. Fixed one-minute
 * windows in memory; a refused message was not stored, and the page keeps the
 * text so the worker can send it again.
 */
import type { Clock } from '../../src/core/types.js';

/** Counts messages per key in fixed windows. */
export class PerKeyRateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly clock: Clock,
    private readonly windowMs = 60_000,
  ) {}

  /** Take one message from `key`'s budget; false when the budget of this window is spent. */
  take(key: string): boolean {
    const now = this.clock.now().getTime();
    if (now - this.windowStart >= this.windowMs || now < this.windowStart) {
      // a new window forgets every key, so memory stays bounded by one minute of senders
      this.windowStart = now;
      this.counts = new Map();
    }
    const used = this.counts.get(key) ?? 0;
    if (used >= this.limit) return false;
    this.counts.set(key, used + 1);
    return true;
  }

  /** Seconds until the current window ends. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - this.clock.now().getTime()) / 1000));
  }
}
