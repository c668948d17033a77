/** Per-conversation serialisation: a platform may hand us several updates at once, but one chat's replies must keep their order. */

/** Runs tasks one after another per key, and concurrently across keys. */
export class ConversationQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Run `task` after every earlier task of the same key; settles as the task does. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    // the chain must survive a failed task; the caller still sees the failure through `result`
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves when every task queued so far has finished (used on stop). */
  async drain(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}
