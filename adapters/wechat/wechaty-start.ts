/** Starting a Wechaty without letting a puppet that never connects hold up Gongyou's start. */
import type { Wechaty } from 'wechaty';
import { networkFailed } from '../../src/core/errors.js';
import { withDeadline } from './deadline.js';
import { toGongyouError } from './errors.js';

/**
 * Start `wechaty` within `ms`; on failure stop it again and throw a GongyouError naming `action` and a `hint`.
 * `verify` throws when the puppet did not really start: Wechaty reports that as an 'error' event, not a rejection.
 */
export async function startWechatyWithin(wechaty: Wechaty, ms: number, action: string, hint: string, verify?: () => void): Promise<void> {
  try {
    await withDeadline(wechaty.start(), ms, () => networkFailed(`${action}: did not start within ${ms / 1000} s (${hint})`));
    verify?.();
  } catch (err) {
    await wechaty.stop().catch(() => undefined);
    throw toGongyouError(err, action);
  }
}
