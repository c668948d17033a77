/** Contracts of the language-model client: the rest of Gongyou sees only these, never the openai SDK. */
import type { z } from 'zod';

/** One chat message in the OpenAI-compatible format. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A model that answers with JSON validated against a zod schema. */
export interface LlmClient {
  /** Model name, for logs and audit. */
  readonly model: string;
  /**
   * Ask for a JSON object and validate it. Resolves within the client's overall budget or throws
   * GongyouError('llm_failed') so the caller can fall back to an answer that needs no model.
   */
  completeJson<T>(messages: ChatMessage[], schema: z.ZodType<T>, options?: { signal?: AbortSignal }): Promise<T>;
}

/** How to reach an OpenAI-compatible server (OpenAI, DeepSeek, Qwen, vLLM, Ollama). */
export interface LlmClientConfig {
  apiKey: string;
  /** e.g. https://api.deepseek.com/v1; the SDK default (OpenAI) when omitted. */
  baseURL?: string;
  model: string;
  /** Longest single attempt, in ms (default 4000). */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx, network errors and unusable output (default 2). */
  maxRetries?: number;
  /** Injected fetch (tests, proxies). */
  fetch?: typeof fetch;
  /** Everything, retries and waits included, ends within this many ms (default 5000). */
  budgetMs?: number;
  /** Longest wait a server's retry-after may impose, in ms (default 2000). */
  maxRetryAfterMs?: number;
  /** Sampling temperature (default 0.2: answers should follow the passages, not invent). */
  temperature?: number;
  /** Monotonic milliseconds, injected so the budget can be tested. */
  now?: () => number;
  /** Wait between attempts, injected so tests can observe it. */
  sleep?: (ms: number) => Promise<void>;
}
