/** What the web chat adapter is built from, and its defaults. */
import type { Logger } from '../../src/core/logger.js';
import type { OutboxBus } from '../../src/core/outbox-bus.js';
import type { MessageLog } from '../../src/core/ports.js';
import type { Clock } from '../../src/core/types.js';

/** Default largest uploaded file. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Messages one web user may send per minute unless configured. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
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
  logger: Logger;
  /** Message ids for messages that come without one. */
  newId: () => string;
  clock: Clock;
  /** Largest uploaded file in bytes; default 10 MB. */
  maxUploadBytes?: number;
  /** Messages (and uploads) one web user may send per minute; default 60. */
  rateLimitPerMinute?: number;
  /** SSE heartbeat interval in ms; default 25 s (tests shorten it instead of sleeping). */
  sseHeartbeatMs?: number;
}

/** The configuration with every default filled in, as the adapter's parts use it. */
export interface WebChatSettings extends Required<Omit<WebAdapterConfig, 'outbox'>> {
  outbox: OutboxBus;
}
