/** SqlRunner on SQLite: reads run at once, writes join the connection's group commit. */
import type Database from 'better-sqlite3';
import type { SqlRunner } from '../canned-replies-sql.js';
import type { SqliteWriteQueue } from './write-queue.js';

/** Run shared SQL (`?` placeholders) on a SQLite connection. */
export function sqliteRunner(db: Database.Database, writes: SqliteWriteQueue): SqlRunner {
  return {
    rows: async <T>(sql: string, params: unknown[]) => db.prepare(sql).all(...params) as T[],
    write: (sql, params) => writes.run(() => db.prepare(sql).run(...params).changes),
  };
}
