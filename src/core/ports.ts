/**
 * The ports the core uses: the message log, conversation state, dedupe, the per-conversation lock and
 * evidence blobs. Storage backends implement them; the core never knows which.
 */
import type { OutgoingMessage } from './types.js';

/** A message in a conversation's log. */
export interface LoggedMessage {
  /** Monotonic position in the whole log. */
  seq: number;
  conversationKey: string;
  direction: 'in' | 'out';
  /** Who wrote it: `worker`, `bot`, or `mediator:<id>`. */
  author: string;
  message: OutgoingMessage;
  at: string;
  /** Whether an outgoing message reached the platform (web: always true). */
  delivered: boolean;
}

/** Every message in and out, persisted before it is sent. */
export interface MessageLog {
  append(entry: Omit<LoggedMessage, 'seq'>): Promise<LoggedMessage>;
  /** Outgoing messages of a conversation after the one with id `afterId` (all when omitted). */
  listOutbound(conversationKey: string, afterId?: string): Promise<OutgoingMessage[]>;
  /** Whole transcript of a conversation, oldest first. */
  transcript(conversationKey: string, limit?: number): Promise<LoggedMessage[]>;
  markDelivered(messageId: string): Promise<void>;
  /** Outgoing messages not yet delivered (for retry after a crash). */
  undelivered(limit?: number): Promise<LoggedMessage[]>;
}

/** Remembers processed platform message ids and the replies they produced. */
export interface DedupeStore {
  /** Reply ids of an already processed message, or undefined. */
  seen(key: string): Promise<string[] | undefined>;
  remember(key: string, replyIds: string[], now: Date): Promise<void>;
}

/** Evidence file contents, addressed by sha256. */
export interface BlobStore {
  put(data: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer | undefined>;
}

/** Runs one conversation's work one at a time across processes. */
export interface ConversationLock {
  run<T>(conversationKey: string, task: () => Promise<T>): Promise<T>;
}

/** Per-conversation state, saved every turn. */
export interface ConversationStateStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** One key's count in the fixed window that is current. */
export interface WindowCount {
  /** Events counted in the window so far (for `hit`, this one included). */
  count: number;
  /** When the window ends (epoch ms); the count starts again from zero then. */
  resetAt: number;
}

/**
 * Counts events per key in fixed windows for rate limits. Windows are aligned to the epoch and the
 * time is the caller's, so every instance agrees on them; in shared mode the counts live in Redis and
 * every instance adds to the same ones.
 */
export interface RateCounter {
  /** Count one event for `key` in the window of `windowMs` that `now` falls in. */
  hit(key: string, windowMs: number, now: Date): Promise<WindowCount>;
  /** The count of `key` in that window, counting nothing. */
  peek(key: string, windowMs: number, now: Date): Promise<WindowCount>;
}
