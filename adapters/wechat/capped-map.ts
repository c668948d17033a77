/** A Map that forgets its oldest entries past a size cap, so per-worker memory cannot grow without bound. */
export class CappedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly cap: number) {
    if (!Number.isInteger(cap) || cap < 1) throw new Error(`cap must be a positive integer, got ${cap}`);
  }

  /** Look up a value without changing its age. */
  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Store a value as the newest entry, evicting the oldest when full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.cap) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  /** Forget one entry. */
  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** How many entries are kept. */
  get size(): number {
    return this.entries.size;
  }
}
