/**
 * A keyv 5 store adapter over one SQLite table, so conversation state lives in
 * the same database file as everything else (one file to back up) while the
 * code reading it stays on keyv and can move to Redis unchanged.
 */
import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { systemClock, type Clock } from '../../core/types.js';
import { SqliteWriteQueue } from './write-queue.js';

/** Options keyv may inspect on an adapter. */
export interface SqliteKeyvStoreOptions {
  /** Table holding `key TEXT PRIMARY KEY, value TEXT, touched_at INTEGER`; created by the schema migrations. */
  table: string;
  /** Stamps each write (RETENTION_STATE_DAYS counts from it); the system clock when absent. */
  clock?: Clock;
}

/**
 * Keyv store adapter on SQLite. Values arrive already serialised by keyv (with
 * their own expiry inside), so the table only maps strings to strings.
 */
export class SqliteKeyvStore extends EventEmitter implements KeyvStoreAdapter {
  /** Keyv sets this to its namespace; `clear()` only removes keys of that namespace. */
  namespace?: string;
  readonly opts: SqliteKeyvStoreOptions;
  private readonly selectOne;
  private readonly selectMany;
  private readonly upsert;
  private readonly deleteOne;
  private readonly deleteAll;
  private readonly deletePrefix;
  private readonly selectUntouched;

  private readonly writes: SqliteWriteQueue;

  /** Pass the connection's write queue so state writes share its batches; standalone use gets its own. */
  constructor(db: Database.Database, options: SqliteKeyvStoreOptions = { table: 'keyv_store' }, writes?: SqliteWriteQueue) {
    super();
    this.writes = writes ?? new SqliteWriteQueue(db);
    this.opts = options;
    if (!/^[a-z_][a-z0-9_]*$/.test(options.table)) throw new Error(`bad keyv table name: ${options.table}`);
    const table = options.table;
    this.selectOne = db.prepare<[string], { value: string }>(`SELECT value FROM ${table} WHERE key = ?`);
    this.selectMany = db.prepare<[string], { key: string; value: string }>(
      `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`,
    );
    this.upsert = db.prepare(
      `INSERT INTO ${table} (key, value, touched_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, touched_at = excluded.touched_at`,
    );
    this.deleteOne = db.prepare(`DELETE FROM ${table} WHERE key = ?`);
    this.deleteAll = db.prepare(`DELETE FROM ${table}`);
    // substr instead of LIKE: a namespace containing % or _ must not match other namespaces
    this.deletePrefix = db.prepare(`DELETE FROM ${table} WHERE substr(key, 1, length(?)) = ?`);
    this.selectUntouched = db.prepare<[string, string, string, number], { key: string }>(
      `SELECT substr(key, length(?) + 1) AS key FROM ${table} WHERE substr(key, 1, length(?)) = ? AND touched_at < ?`,
    );
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    return this.selectOne.get(key)?.value as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    const found = new Map(this.selectMany.all(JSON.stringify(keys)).map((row) => [row.key, row.value]));
    return keys.map((key) => found.get(key) as StoredData<Value | undefined>);
  }

  async has(key: string): Promise<boolean> {
    return this.selectOne.get(key) !== undefined;
  }

  async set(key: string, value: unknown): Promise<boolean> {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const touchedAt = (this.opts.clock ?? systemClock).now().getTime();
    await this.writes.run(() => this.upsert.run(key, text, touchedAt));
    return true;
  }

  /** Keys of this namespace (without its prefix) last written before `before`. */
  async untouchedSince(before: Date): Promise<string[]> {
    const prefix = this.namespace ? `${this.namespace}:` : '';
    return this.selectUntouched.all(prefix, prefix, prefix, before.getTime()).map((row) => row.key);
  }

  async delete(key: string): Promise<boolean> {
    return this.writes.run(() => this.deleteOne.run(key).changes > 0);
  }

  async clear(): Promise<void> {
    const namespace = this.namespace;
    await this.writes.run(() => {
      if (!namespace) return this.deleteAll.run();
      const prefix = `${namespace}:`;
      return this.deletePrefix.run(prefix, prefix);
    });
  }
}
