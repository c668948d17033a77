/**
 * When each conversation-state entry in Redis was last written, so RETENTION_STATE_DAYS can expire the
 * untouched ones by the app's clock (Redis's own expiry would need its clock): a sorted set
 * `<prefix>state-touched` of state keys scored by the write time in epoch ms. Entries written before
 * this index existed join it, as written now, the first time it is asked.
 */
import type { RedisClientType } from 'redis';
import type { ConversationStateStore } from '../../core/ports.js';
import type { Clock } from '../../core/types.js';

/** The write times of one deployment's state entries. */
export class RedisStateTouches {
  private readonly indexKey: string;
  private indexed = false;

  constructor(
    private readonly redis: RedisClientType,
    /** The deployment's key prefix (`gongyou:`); state entries are `<prefix>conv:<key>`. */
    private readonly keyPrefix: string,
    private readonly clock: Clock,
  ) {
    this.indexKey = `${keyPrefix}state-touched`;
  }

  /** The state store with every write and delete recorded in the index. */
  track(state: ConversationStateStore): ConversationStateStore {
    return {
      get: (key) => state.get(key),
      set: async (key, value) => {
        await Promise.all([state.set(key, value), this.redis.zAdd(this.indexKey, { score: this.clock.now().getTime(), value: key })]);
      },
      delete: async (key) => {
        await Promise.all([state.delete(key), this.redis.zRem(this.indexKey, key)]);
      },
    };
  }

  /** State keys last written before `before`. */
  async untouchedSince(before: Date): Promise<string[]> {
    if (!this.indexed) await this.indexEarlierEntries();
    return this.redis.zRangeByScore(this.indexKey, '-inf', `(${before.getTime()}`);
  }

  /** Entries written before the index existed count as written now (NX keeps every time already known). */
  private async indexEarlierEntries(): Promise<void> {
    const namespace = `${this.keyPrefix}conv:`;
    const now = this.clock.now().getTime();
    for await (const batch of this.redis.scanIterator({ MATCH: `${namespace}*`, COUNT: 500 })) {
      if (batch.length === 0) continue;
      await this.redis.zAdd(this.indexKey, batch.map((key) => ({ score: now, value: key.slice(namespace.length) })), { condition: 'NX' });
    }
    this.indexed = true;
  }
}
