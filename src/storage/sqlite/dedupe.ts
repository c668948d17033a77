/** Processed platform message ids in SQLite, with the replies they produced. */
import type Database from 'better-sqlite3';
import { assertDedupeInput, DEDUPE_RETENTION_MS } from '../dedupe-policy.js';
import type { DedupeStore } from '../../core/ports.js';
import type { SqliteWriteQueue } from './write-queue.js';

/** Prune again after this many remembers, so a server that runs for months does not only prune at start-up. */
const PRUNE_EVERY = 10_000;

/**
 * DedupeStore on SQLite. The first `remember` of a key wins, like Redis SET NX
 * in the shared backend: a redelivery racing the original keeps the original's replies.
 */
export class SqliteDedupeStore implements DedupeStore {
  private readonly select;
  private readonly insert;
  private readonly deleteOlder;
  private remembersSincePrune = 0;

  constructor(
    db: Database.Database,
    private readonly writes: SqliteWriteQueue,
  ) {
    this.select = db.prepare<[string], { reply_ids: string }>('SELECT reply_ids FROM dedupe WHERE key = ?');
    this.insert = db.prepare('INSERT OR IGNORE INTO dedupe (key, reply_ids, at) VALUES (?, ?, ?)');
    this.deleteOlder = db.prepare('DELETE FROM dedupe WHERE at < ?');
  }

  async seen(key: string): Promise<string[] | undefined> {
    assertDedupeInput(key);
    const row = this.select.get(key);
    return row ? (JSON.parse(row.reply_ids) as string[]) : undefined;
  }

  async remember(key: string, replyIds: string[], now: Date): Promise<void> {
    assertDedupeInput(key, replyIds);
    const ids = JSON.stringify(replyIds);
    // The insert alone is one statement, atomic by itself; only a remember that also prunes needs a
    // savepoint (SAVEPOINT and RELEASE are two more statements in the turn's commit).
    if (++this.remembersSincePrune < PRUNE_EVERY) {
      await this.writes.run(() => this.insert.run(key, ids, now.getTime()));
      return;
    }
    this.remembersSincePrune = 0;
    await this.writes.runAtomic(() => {
      this.insert.run(key, ids, now.getTime());
      this.prune(now);
    });
  }

  /** Forget entries older than the retention window; returns how many went. Call outside the queue only before serving. */
  prune(now: Date): number {
    this.remembersSincePrune = 0;
    return this.deleteOlder.run(now.getTime() - DEDUPE_RETENTION_MS).changes;
  }
}
