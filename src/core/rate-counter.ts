/** Rate-limit counting for one instance: fixed windows in memory, behind the core's RateCounter port. */
import type { RateCounter, WindowCount } from './ports.js';

/** The end (epoch ms) of the `windowMs` window that `at` falls in; windows are aligned to the epoch. */
export function windowEnd(at: number, windowMs: number): number {
  return (Math.floor(at / windowMs) + 1) * windowMs;
}

/** How often windows that have ended are dropped, so memory holds about one window of senders. */
const SWEEP_EVERY_MS = 60_000;

/** Counts in memory: for the embedded store (one instance) and for tests. */
export class MemoryRateCounter implements RateCounter {
  private readonly windows = new Map<string, WindowCount>();
  private nextSweep = 0;

  async hit(key: string, windowMs: number, now: Date): Promise<WindowCount> {
    return this.add(key, windowMs, now.getTime(), 1);
  }

  async peek(key: string, windowMs: number, now: Date): Promise<WindowCount> {
    return this.add(key, windowMs, now.getTime(), 0);
  }

  private add(key: string, windowMs: number, at: number, amount: number): WindowCount {
    this.sweep(at);
    const resetAt = windowEnd(at, windowMs);
    const id = `${windowMs}\u0000${key}`;
    const current = this.windows.get(id);
    const count = (current?.resetAt === resetAt ? current.count : 0) + amount;
    if (amount > 0) this.windows.set(id, { count, resetAt });
    return { count, resetAt };
  }

  private sweep(at: number): void {
    if (at >= this.nextSweep || at < this.nextSweep - SWEEP_EVERY_MS) {
      this.nextSweep = at + SWEEP_EVERY_MS;
      for (const [id, window] of this.windows) if (window.resetAt <= at) this.windows.delete(id);
    }
  }
}
