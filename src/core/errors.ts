/** The few error kinds of Gongyou, each with a stable code, a cause and whether a retry may help. */

/** Stable error codes. */
export type GongyouErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'handler_failed'
  | 'platform_refused'
  | 'platform_rate_limited'
  | 'network_failed'
  | 'llm_failed'
  | 'storage_failed'
  | 'config_invalid';

/** Base error: every error the core raises or translates is one of these. */
export class GongyouError extends Error {
  readonly code: GongyouErrorCode;
  readonly isRetryable: boolean;
  /** For rate limits: how long the platform asked us to wait. */
  readonly retryAfterMs?: number;

  constructor(
    code: GongyouErrorCode,
    message: string,
    options: { cause?: unknown; isRetryable?: boolean; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'GongyouError';
    this.code = code;
    this.isRetryable = options.isRetryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** A platform refused a call (4xx other than 429): retrying will not help. */
export function platformRefused(message: string, cause?: unknown): GongyouError {
  return new GongyouError('platform_refused', message, { cause, isRetryable: false });
}

/** The platform asked us to slow down. */
export function platformRateLimited(message: string, retryAfterMs: number, cause?: unknown): GongyouError {
  return new GongyouError('platform_rate_limited', message, { cause, isRetryable: true, retryAfterMs });
}

/** The network failed (timeout, reset, DNS): a retry may help. */
export function networkFailed(message: string, cause?: unknown): GongyouError {
  return new GongyouError('network_failed', message, { cause, isRetryable: true });
}
