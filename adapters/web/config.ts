/** What the web chat adapter is built from, and its defaults. */
import type { Logger } from '../../src/core/logger.js';
import type { OutboxBus } from '../../src/core/outbox-bus.js';
import type { ConversationLock, ConversationStateStore, MessageLog, RateCounter } from '../../src/core/ports.js';
import type { Clock } from '../../src/core/types.js';

/** Default largest uploaded file. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Messages one web user may send per minute unless configured. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
/** Messages (and uploads, and newly claimed userIds) one address may send per minute unless configured. */
export const DEFAULT_ADDRESS_RATE_LIMIT_PER_MINUTE = 300;
/** Heartbeat interval: below the idle timeouts of common proxies and mobile networks. */
export const DEFAULT_SSE_HEARTBEAT_MS = 25_000;

/** Options of `createWebAdapter`. */
export interface WebAdapterConfig {
  /**
   * Read side of the message log: what was sent to a web user after a given message (polling, SSE
   * replay), and the whole conversation for a reloaded page (`include=all`).
   */
  messages: Pick<MessageLog, 'listOutbound' | 'transcript'>;
  /**
   * Live outgoing messages, fed to the pages' event streams. The composition root passes the core's
   * bus, on which the bot also publishes its replies, so every open page of a worker sees them;
   * without one the adapter keeps a private bus that only `send` feeds.
   */
  outbox?: OutboxBus;
  /**
   * Where the web chat's credentials live (a hash of each userId's cookie token): the conversation
   * state store, so every instance sharing the store agrees on who holds a userId.
   */
  state: ConversationStateStore;
  /** Serialises claims of one userId across instances (shared mode); in-process when absent. */
  lock?: ConversationLock;
  logger: Logger;
  /** Message ids for messages that come without one. */
  newId: () => string;
  clock: Clock;
  /** Largest uploaded file in bytes; default 10 MB. */
  maxUploadBytes?: number;
  /** Messages (and uploads) one web user may send per minute; default 60. */
  rateLimitPerMinute?: number;
  /** Messages, uploads and new userIds one client address may send per minute; default 300. */
  addressRateLimitPerMinute?: number;
  /**
   * Where both budgets are counted: the storage's shared counter (Redis) when instances share a store,
   * so together they allow what one would; in memory for this instance when absent.
   */
  rates?: RateCounter;
  /**
   * Behind one reverse proxy: take the client address from the last `X-Forwarded-For` entry and
   * HTTPS from `X-Forwarded-Proto`. Off: the socket's peer address and the request URL's scheme.
   */
  trustProxy?: boolean;
  /** SSE heartbeat interval in ms; default 25 s (tests shorten it instead of sleeping). */
  sseHeartbeatMs?: number;
}

/** The configuration with every default filled in, as the adapter's parts use it. */
export interface WebChatSettings extends Required<Omit<WebAdapterConfig, 'outbox' | 'lock'>> {
  outbox: OutboxBus;
  lock?: ConversationLock;
}
