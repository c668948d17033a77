/**
 * One conversation's turns run one at a time across instances: a Redis lock
 * per conversation key (SET NX with an expiry, released only by its holder),
 * so two instances that receive the same worker's messages cannot interleave
 * turns and overwrite each other's saved state.
 */
import { randomUUID } from 'node:crypto';
import type { RedisClientType } from 'redis';
import { GongyouError } from '../../core/errors.js';
import type { ConversationLock } from '../../core/ports.js';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Options of the Redis conversation lock. */
export interface RedisLockOptions {
  keyPrefix: string;
  /** A holder that dies frees the lock after this long. */
  ttlMs?: number;
  /** Give up waiting after this long (the turn then fails politely and the message stays logged). */
  waitMs?: number;
}

/** A per-conversation lock in Redis. */
export class RedisConversationLock implements ConversationLock {
  constructor(
    private readonly redis: RedisClientType,
    private readonly options: RedisLockOptions,
  ) {}

  /** Run `task` while holding the conversation's lock. */
  async run<T>(conversationKey: string, task: () => Promise<T>): Promise<T> {
    const key = `${this.options.keyPrefix}lock:${conversationKey}`;
    const token = randomUUID();
    const ttl = this.options.ttlMs ?? 30_000;
    const deadline = Date.now() + (this.options.waitMs ?? 10_000);
    let delay = 2;
    while ((await this.redis.set(key, token, { NX: true, PX: ttl })) !== 'OK') {
      if (Date.now() > deadline) {
        throw new GongyouError('conflict', `conversation is busy on another instance`, { isRetryable: true });
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 50);
    }
    try {
      return await task();
    } finally {
      await this.redis.eval(RELEASE, { keys: [key], arguments: [token] }).catch(() => undefined);
    }
  }
}
