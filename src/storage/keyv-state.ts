/**
 * Conversation state through keyv, whatever store keyv sits on (SQLite in the
 * embedded default, Redis when shared).
 */
import type Keyv from 'keyv';
import { GongyouError } from '../core/errors.js';
import type { ConversationStateStore } from '../core/ports.js';

/**
 * Serializer for conversation state: plain JSON. Keyv's default one also
 * revives Buffers but costs about a sixth of a bot turn; state is JSON by
 * contract (dates come back as ISO strings; store no Buffers).
 * Embedded and shared use the same one so state can be migrated between them.
 */
export const stateSerialization = {
  serialize: (data: unknown): string => JSON.stringify(data),
  deserialize: <T>(text: string): T => JSON.parse(text) as T,
};

/**
 * Adapt a Keyv instance to the core's state interface. The Keyv instance must
 * be built with `throwOnErrors: true` and `stateSerialization`: by default keyv swallows a failed write
 * and the next turn would silently start from stale state.
 */
export function createKeyvStateStore(keyv: Keyv): ConversationStateStore {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      assertStateKey(key);
      return (await keyv.get<T>(key)) ?? undefined;
    },
    async set<T>(key: string, value: T): Promise<void> {
      assertStateKey(key);
      if (value === undefined) throw new GongyouError('bad_request', 'state value is undefined; use delete() to remove it');
      const stored = await keyv.set(key, value);
      if (!stored) throw new GongyouError('storage_failed', `state for ${key} was not saved`, { isRetryable: true });
    },
    async delete(key: string): Promise<void> {
      assertStateKey(key);
      await keyv.delete(key);
    },
  };
}

function assertStateKey(key: string): void {
  if (typeof key !== 'string' || key === '') throw new GongyouError('bad_request', 'state key must be a non-empty string');
}
