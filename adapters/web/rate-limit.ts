/**
 * Message budgets of the public web chat, per user and per client address: a worker types far slower
 * than the limit, a script flooding the bot does not. Fixed one-minute windows counted by the core's
 * RateCounter (in memory for one instance, in Redis when instances share a store, so together they
 * allow no more than one would). A refused message was not stored, and the page keeps the text so the
 * worker can send it again.
 */
import type { Logger } from '../../src/core/logger.js';
import type { RateCounter } from '../../src/core/ports.js';
import type { Clock } from '../../src/core/types.js';

/** One budget: `limit` messages per key and window. */
export class WebBudget {
  constructor(
    private readonly counter: RateCounter,
    /** Keeps this budget's keys apart from every other count. */
    private readonly scope: string,
    private readonly limit: number,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly windowMs = 60_000,
  ) {}

  /** Take one message from `key`'s budget: undefined when allowed, else the seconds until it refills. */
  async take(key: string): Promise<number | undefined> {
    const now = this.clock.now();
    let counted;
    try {
      counted = await this.counter.hit(`${this.scope}:${key}`, this.windowMs, now);
    } catch (err) {
      // a limit we cannot count must not cost a worker their message; the turn itself still needs the store
      this.logger.warn({ err, scope: this.scope }, 'rate limit not counted: the counter failed');
      return undefined;
    }
    if (counted.count <= this.limit) return undefined;
    return Math.max(1, Math.ceil((counted.resetAt - now.getTime()) / 1000));
  }
}
