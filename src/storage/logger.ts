/** The little logging the storage layer does, in a shape pino satisfies. */

/** A pino-compatible logger; storage only warns about dropped connections. */
export interface StorageLogger {
  warn(details: object, message: string): void;
}

/** Used when the caller gives no logger: storage stays quiet rather than writing to stdout. */
export const silentStorageLogger: StorageLogger = { warn: () => undefined };
