/**
 * Rate-limit counts in Redis, so every instance of a shared deployment counts together: one key per
 * window (`<prefix>rate:<key>:<window end>`), INCR and PEXPIRE in one MULTI, so a count is never lost
 * between instances and a key never outlives its window by more than the window's length.
 */
import type { RedisClientType } from 'redis';
import type { RateCounter, WindowCount } from '../../core/ports.js';
import { windowEnd } from '../../core/rate-counter.js';

/** RateCounter on Redis. */
export class RedisRateCounter implements RateCounter {
  constructor(
    private readonly redis: RedisClientType,
    private readonly keyPrefix: string,
  ) {}

  async hit(key: string, windowMs: number, now: Date): Promise<WindowCount> {
    const resetAt = windowEnd(now.getTime(), windowMs);
    const redisKey = this.redisKey(key, resetAt);
    const [count] = await this.redis.multi().incr(redisKey).pExpire(redisKey, windowMs).exec();
    return { count: Number(count), resetAt };
  }

  async peek(key: string, windowMs: number, now: Date): Promise<WindowCount> {
    const resetAt = windowEnd(now.getTime(), windowMs);
    return { count: Number((await this.redis.get(this.redisKey(key, resetAt))) ?? 0), resetAt };
  }

  private redisKey(key: string, resetAt: number): string {
    return `${this.keyPrefix}rate:${key}:${resetAt}`;
  }
}
