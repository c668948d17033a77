/**
 * Runs tasks one at a time per key, in arrival order; different keys run in
 * parallel. Idle keys are forgotten so 10,000 conversations cost nothing at rest.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  /** Number of tasks queued or running. */
  get size(): number {
    return this.inFlight;
  }

  /** Queue `task` behind earlier tasks of the same key. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    this.inFlight++;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
      this.inFlight--;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    return result;
  }

  /** Resolve once every queued task has finished (used by graceful shutdown). */
  onIdle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
