/**
 * Translates backend failures into `storage_failed` at one place per backend,
 * so the core sees one error kind with `isRetryable` instead of driver errors.
 */
import { GongyouError } from '../core/errors.js';

/** Decides whether a raw driver error is worth retrying (busy database, dropped connection). */
export type RetryClassifier = (error: unknown) => boolean;

/** Wrap a driver error; errors that are already ours (bad_request, not_found) pass through untouched. */
export function toStorageError(error: unknown, operation: string, isRetryable: RetryClassifier): GongyouError {
  if (error instanceof GongyouError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new GongyouError('storage_failed', `storage ${operation} failed: ${reason}`, {
    cause: error,
    isRetryable: isRetryable(error),
  });
}

/**
 * Wrap every async method of a store so its rejections are translated.
 * Returns a new object; the original keeps working for internal calls.
 */
export function guardStore<T extends object>(store: T, storeName: string, isRetryable: RetryClassifier): T {
  const guarded: Record<string, unknown> = {};
  let proto: object | null = store;
  while (proto && proto !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = (store as Record<string, unknown>)[name];
      if (name === 'constructor' || name in guarded || typeof value !== 'function') continue;
      guarded[name] = async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => unknown).apply(store, args);
        } catch (error) {
          throw toStorageError(error, `${storeName}.${name}`, isRetryable);
        }
      };
    }
    proto = Object.getPrototypeOf(proto);
  }
  return guarded as T;
}

/** Remove the password from a connection URL before it goes into an error message or log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable url)';
  }
}
