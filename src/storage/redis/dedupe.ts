/** Processed platform message ids in Redis, shared by every instance and expiring on their own. */
import type { RedisClientType } from 'redis';
import { assertDedupeInput, DEDUPE_RETENTION_MS } from '../dedupe-policy.js';
import type { DedupeStore } from '../../core/ports.js';

/**
 * DedupeStore on Redis: SET NX so the first instance to finish a message wins,
 * with a 7-day expiry measured by Redis's own clock (the `now` argument is not
 * used for expiry: an injected test clock far from real time would expire keys at once).
 */
export class RedisDedupeStore implements DedupeStore {
  constructor(
    private readonly client: RedisClientType,
    private readonly keyPrefix: string,
  ) {}

  async seen(key: string): Promise<string[] | undefined> {
    assertDedupeInput(key);
    const stored = await this.client.get(this.redisKey(key));
    return stored === null ? undefined : (JSON.parse(stored) as string[]);
  }

  async remember(key: string, replyIds: string[]): Promise<void> {
    assertDedupeInput(key, replyIds);
    await this.client.set(this.redisKey(key), JSON.stringify(replyIds), {
      condition: 'NX',
      expiration: { type: 'PX', value: DEDUPE_RETENTION_MS },
    });
  }

  /** The Redis key of a dedupe entry; exported for tests that check expiry. */
  redisKey(key: string): string {
    return `${this.keyPrefix}dedupe:${key}`;
  }
}
