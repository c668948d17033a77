/** Retrying platform calls: wait as long as a rate limit asks, back off on network failures, never retry a refusal. */
import { GongyouError } from '../../src/core/errors.js';

/** How withRetry waits and how often it tries again. */
export interface RetryOptions {
  /** Extra attempts after the first one. */
  retries: number;
  /** Told before each wait a rate limit imposes (e.g. to log it). */
  onRateLimit?: (waitMs: number, error: GongyouError) => void;
  /** Turns whatever the call threw into a GongyouError; without it, non-Gongyou errors are not retried. */
  translate?: (error: unknown) => GongyouError;
  /** Injected so tests never really wait. */
  sleep?: (ms: number) => Promise<void>;
  /** First backoff after a network failure; doubles each time. Default 500 ms. */
  baseDelayMs?: number;
  /** A rate limit asking for longer than this is not waited out here (the caller's outbox retries later). Default 30 s. */
  maxWaitMs?: number;
}

/** The real timer, used when no sleep is injected. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Run `fn`, retrying retryable GongyouErrors; the last error is thrown translated. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (thrown) {
      const error = toGongyouError(thrown, options.translate);
      if (!error || !error.isRetryable || attempt >= options.retries) throw error ?? thrown;
      let waitMs: number;
      if (error.code === 'platform_rate_limited') {
        waitMs = error.retryAfterMs ?? baseDelayMs;
        // waiting minutes inside one delivery would block the conversation; give up and let the outbox retry
        if (waitMs > maxWaitMs) throw error;
        options.onRateLimit?.(waitMs, error);
      } else {
        waitMs = Math.min(baseDelayMs * 2 ** attempt, maxWaitMs);
      }
      await sleep(waitMs);
    }
  }
}

function toGongyouError(thrown: unknown, translate?: (error: unknown) => GongyouError): GongyouError | undefined {
  if (thrown instanceof GongyouError) return thrown;
  return translate?.(thrown);
}
