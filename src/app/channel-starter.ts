/**
 * Starting the channel adapters. A channel whose platform cannot be reached at start (a network
 * failure, a rate limit) must not keep the other channels, or the web chat, from serving workers:
 * it is started again in the background with growing pauses until it comes up. A channel the
 * platform refuses (a bad token, a missing permission) stops start-up at once with the reason, as
 * retrying cannot fix configuration.
 */
import { GongyouError } from '../core/errors.js';
import type { BotHandler, ChannelAdapter } from '../core/types.js';
import type { Logger } from '../core/logger.js';

/** Where a channel stands; `/readyz` shows these. */
export type ChannelStatus = 'up' | 'retrying' | 'stopped';

/** Options of `startChannels`. */
export interface ChannelStarterOptions {
  logger: Logger;
  /** Pause before the first retry (default 5 s); each later pause doubles, up to `maxDelayMs`. */
  firstDelayMs?: number;
  /** Longest pause between retries (default 5 minutes). */
  maxDelayMs?: number;
}

/** The started channels. */
export interface ChannelStarter {
  /** Each channel's status by adapter name. */
  status(): Record<string, ChannelStatus>;
  /** Stop retrying (the adapters themselves are stopped by whoever owns them). */
  stop(): void;
}

/** Whether a start failure may go away by itself (the platform was unreachable or busy). */
function isPassing(error: unknown): boolean {
  return error instanceof GongyouError && error.isRetryable;
}

/** Start every adapter; resolves when each is up or retrying, rejects on a failure retrying cannot fix. */
export async function startChannels(adapters: Iterable<ChannelAdapter>, bot: BotHandler, options: ChannelStarterOptions): Promise<ChannelStarter> {
  const { logger } = options;
  const firstDelayMs = options.firstDelayMs ?? 5000;
  const maxDelayMs = options.maxDelayMs ?? 300_000;
  const statuses = new Map<string, ChannelStatus>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const retryLater = (adapter: ChannelAdapter, delayMs: number, error: unknown): void => {
    statuses.set(adapter.name, 'retrying');
    logger.warn({ err: error, adapter: adapter.name, retryInMs: delayMs }, 'channel could not start; the other channels run, this one is retried');
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(adapter, Math.min(delayMs * 2, maxDelayMs));
    }, delayMs);
    timer.unref();
    timers.add(timer);
  };

  async function attempt(adapter: ChannelAdapter, nextDelayMs: number): Promise<void> {
    if (stopped) return;
    // A half-started adapter (an SDK that got partway) is stopped before it starts again.
    await adapter.stop().catch(() => undefined);
    try {
      await adapter.start(bot);
    } catch (error) {
      if (stopped) return;
      if (isPassing(error)) return retryLater(adapter, nextDelayMs, error);
      statuses.set(adapter.name, 'stopped');
      logger.error({ err: error, adapter: adapter.name }, 'channel could not start and will not be retried: check its configuration');
      return;
    }
    if (stopped) return;
    statuses.set(adapter.name, 'up');
    logger.info({ adapter: adapter.name }, 'channel started after retrying');
  }

  for (const adapter of adapters) {
    try {
      await adapter.start(bot);
      statuses.set(adapter.name, 'up');
      logger.info({ adapter: adapter.name }, 'adapter started');
    } catch (error) {
      if (!isPassing(error)) throw error;
      retryLater(adapter, firstDelayMs, error);
    }
  }
  return {
    status: () => Object.fromEntries(statuses),
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
