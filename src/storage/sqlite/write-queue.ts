/**
 * Group commit for SQLite. Every write issued during one event-loop turn runs
 * in a single transaction (multi-statement writes in their own savepoint), and its promise settles
 * only after COMMIT. One commit then carries the WAL pages of dozens of bot
 * turns instead of one statement, which is where the throughput comes from;
 * "persisted before it is sent" still holds because callers wait for COMMIT.
 */
import type Database from 'better-sqlite3';
import { GongyouError } from '../../core/errors.js';

interface PendingWrite {
  work: () => unknown;
  /** Several statements that must stand or fall together get a savepoint; one statement is atomic by itself. */
  atomic: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Serialises all writes of one connection into batched transactions. */
export class SqliteWriteQueue {
  private pending: PendingWrite[] = [];
  private scheduled = false;
  private closed = false;
  private readonly runBatch;

  constructor(db: Database.Database) {
    // A nested better-sqlite3 transaction is a SAVEPOINT: a failing write rolls back alone.
    const inSavepoint = db.transaction((work: () => unknown) => work());
    this.runBatch = db.transaction((batch: PendingWrite[]): Outcome[] =>
      batch.map((write) => {
        try {
          return { ok: true, value: write.atomic ? inSavepoint(write.work) : write.work() };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** Run one statement in the next batch; resolves with its result once committed. */
  run<T>(work: () => T): Promise<T> {
    return this.enqueue(work, false);
  }

  /** Run several statements in the next batch as one all-or-nothing unit (a savepoint). */
  runAtomic<T>(work: () => T): Promise<T> {
    return this.enqueue(work, true);
  }

  private enqueue<T>(work: () => T, atomic: boolean): Promise<T> {
    if (this.closed) return Promise.reject(new GongyouError('storage_failed', 'storage is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, atomic, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate rather than a microtask: it lets every turn resumed in this tick join the batch
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commit whatever is queued now (used by close so nothing accepted is dropped). */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock up front, so another process cannot make the commit fail half-way
      outcomes = this.runBatch.immediate(batch);
    } catch (error) {
      for (const write of batch) write.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? batch[i].resolve(outcome.value) : batch[i].reject(outcome.error)));
  }

  /** Flush and refuse further writes. */
  close(): void {
    this.flush();
    this.closed = true;
  }
}
