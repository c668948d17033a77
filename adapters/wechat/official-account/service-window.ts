/**
 * WeChat lets an official account write to a worker only within 48 hours of
 * the worker's last message. We remember each worker's last message time so a
 * send outside the window is refused here, before WeChat is called.
 */
import type { Clock } from '../../../src/core/types.js';
import { CappedMap } from '../capped-map.js';

/**
 * Remembers when each worker last wrote, in memory. After a restart nothing is known: a send is then
 * tried and WeChat itself says whether the window is closed (45015), so a deploy does not hold back
 * a mediator's reply to a worker who wrote an hour ago.
 */
export class CustomerServiceWindow {
  private readonly lastInbound: CappedMap<string, number>;
  private readonly windowMs: number;

  constructor(
    windowHours: number,
    private readonly clock: Clock,
    cap = 100_000,
  ) {
    this.windowMs = windowHours * 60 * 60 * 1000;
    this.lastInbound = new CappedMap(cap);
  }

  /** Note that the worker just wrote (or WeChat says they did, at `at`). */
  touch(openId: string, at: Date = this.clock.now()): void {
    const previous = this.lastInbound.get(openId) ?? 0;
    this.lastInbound.set(openId, Math.max(previous, at.getTime()));
  }

  /** True only when we know the window has closed (a message from the worker, longer ago than the window). */
  isKnownClosed(openId: string): boolean {
    const last = this.lastInbound.get(openId);
    return last !== undefined && this.clock.now().getTime() - last >= this.windowMs;
  }

  /** When the window closes for this worker, if we know. */
  closesAt(openId: string): Date | undefined {
    const last = this.lastInbound.get(openId);
    return last === undefined ? undefined : new Date(last + this.windowMs);
  }
}
