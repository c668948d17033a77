/**
 * The one place that talks to a language model. Any OpenAI-compatible server works. Every path,
 * retries and waits included, ends within a fixed budget, so a worker never waits on a slow model:
 * the caller catches GongyouError('llm_failed') and answers without one.
 */
import OpenAI from 'openai';
import type { z } from 'zod';
import { GongyouError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { classifyAttemptError, type AttemptFailure } from './failures.js';
import { extractFirstJsonObject } from './json-extract.js';
import type { ChatMessage, LlmClient, LlmClientConfig } from './types.js';

const DEFAULTS = { timeoutMs: 4000, maxRetries: 2, budgetMs: 5000, maxRetryAfterMs: 2000, temperature: 0.2 };
/** Not worth starting an attempt with less time than this left. */
const MIN_ATTEMPT_MS = 300;
const BACKOFF_MS = [250, 750, 1500];

/** Create a JSON-answering client over the openai SDK (its own retries off: we keep the budget). */
export function createLlmClient(config: LlmClientConfig, logger?: Pick<Logger, 'warn'>): LlmClient {
  const settings = { ...DEFAULTS, ...definedOnly(config) };
  const now = config.now ?? (() => performance.now());
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const sdk = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL,
    fetch: config.fetch,
    maxRetries: 0,
    timeout: settings.timeoutMs,
  });

  async function attempt(messages: ChatMessage[], jsonMode: boolean, timeoutMs: number, signal?: AbortSignal): Promise<string> {
    const completion = await sdk.chat.completions.create(
      {
        model: config.model,
        messages,
        temperature: settings.temperature,
        ...(jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
      },
      { timeout: timeoutMs, maxRetries: 0, signal },
    );
    const content = (completion as { choices?: Array<{ message?: { content?: string | null } }> })?.choices?.[0]?.message?.content;
    return typeof content === 'string' ? content : '';
  }

  return {
    model: config.model,
    async completeJson<T>(messages: ChatMessage[], schema: z.ZodType<T>, options: { signal?: AbortSignal } = {}): Promise<T> {
      const deadline = now() + settings.budgetMs;
      let jsonMode = true;
      let last: AttemptFailure = { reason: 'no_attempt', retryable: false };
      for (let attemptNo = 0; attemptNo <= settings.maxRetries; attemptNo++) {
        const remaining = deadline - now();
        if (remaining < MIN_ATTEMPT_MS) break;
        try {
          const text = await attempt(messages, jsonMode, Math.floor(Math.min(settings.timeoutMs, remaining)), options.signal);
          const parsed = schema.safeParse(extractFirstJsonObject(text));
          if (parsed.success) return parsed.data;
          // A model that strays from the format once often keeps to it on a second try.
          last = { reason: 'invalid_output', retryable: true, cause: parsed.error };
        } catch (error) {
          last = classifyAttemptError(error, new Date());
          if (last.rejectsJsonMode) jsonMode = false;
        }
        logger?.warn({ attempt: attemptNo + 1, reason: last.reason, status: last.status, model: config.model }, 'llm attempt failed');
        if (!last.retryable || attemptNo === settings.maxRetries) break;
        // Retrying sooner than the server asked only earns another 429: give up and let the caller fall back.
        if (last.retryAfterMs !== undefined && last.retryAfterMs > settings.maxRetryAfterMs) break;
        const wait = last.retryAfterMs ?? BACKOFF_MS[Math.min(attemptNo, BACKOFF_MS.length - 1)];
        if (deadline - now() - wait < MIN_ATTEMPT_MS) break;
        await sleep(wait);
      }
      throw new GongyouError('llm_failed', `language model failed: ${last.reason}`, {
        cause: last.cause,
        isRetryable: last.retryable,
        retryAfterMs: last.retryAfterMs,
      });
    },
  };
}

/** Drop undefined fields so they do not overwrite defaults. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
