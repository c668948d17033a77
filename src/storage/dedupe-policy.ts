/** Dedupe rules both backends follow, kept in one place so they expire the same way. */
import { GongyouError } from '../core/errors.js';

/** Platforms redeliver within minutes or hours; a week is far beyond any retry window. */
export const DEDUPE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Refuse keys and reply lists that would be stored in a form `seen` cannot give back. */
export function assertDedupeInput(key: string, replyIds?: string[]): void {
  if (typeof key !== 'string' || key === '') throw new GongyouError('bad_request', 'dedupe key must be a non-empty string');
  if (replyIds !== undefined && (!Array.isArray(replyIds) || replyIds.some((id) => typeof id !== 'string'))) {
    throw new GongyouError('bad_request', 'dedupe reply ids must be an array of strings');
  }
}
