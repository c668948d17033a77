/** Translate what went wrong in one model call into whether another attempt may help (one place, at the edge). */
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';

/** One failed attempt, reduced to what the retry loop needs. */
export interface AttemptFailure {
  reason: string;
  retryable: boolean;
  status?: number;
  /** Server's requested wait, when it sent one. */
  retryAfterMs?: number;
  /** The server rejected response_format: retry without it. */
  rejectsJsonMode?: boolean;
  cause?: unknown;
}

/** Classify an error thrown by the openai SDK (or by our own output checks). */
export function classifyAttemptError(error: unknown, now: Date): AttemptFailure {
  if (error instanceof APIUserAbortError) return { reason: 'aborted', retryable: false, cause: error };
  // Timeouts are a subclass of connection errors: both are the network, so a retry may help.
  if (error instanceof APIConnectionError) return { reason: 'network', retryable: true, cause: error };
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    if (status === 429) {
      return { reason: 'rate_limited', retryable: true, status, retryAfterMs: parseRetryAfter(error.headers, now), cause: error };
    }
    if (status >= 500 || status === 408 || status === 409) return { reason: `http_${status}`, retryable: true, status, cause: error };
    const rejectsJsonMode = status === 400 && /response_format|json_object/i.test(error.message);
    return { reason: `http_${status}`, retryable: rejectsJsonMode, status, rejectsJsonMode, cause: error };
  }
  return { reason: 'unexpected', retryable: false, cause: error };
}

/** Read retry-after-ms, or retry-after as seconds or an HTTP date. */
export function parseRetryAfter(headers: Headers | undefined, now: Date): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
