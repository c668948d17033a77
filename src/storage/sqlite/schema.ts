/**
 * SQLite schema and its migrations. Each entry of SQLITE_MIGRATIONS is one version;
 * append, never edit, so a database created by an older release upgrades in place.
 */
import type Database from 'better-sqlite3';
import { GongyouError } from '../../core/errors.js';
import { cannedRepliesTable, sharedTablesV1 } from '../sql-tables.js';

/** Version n is SQLITE_MIGRATIONS[n - 1]. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  sharedTablesV1({ serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT' }) +
    `
  CREATE TABLE dedupe (key TEXT PRIMARY KEY, reply_ids TEXT NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX dedupe_by_age ON dedupe (at);
  CREATE TABLE keyv_store (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // v2: canned replies admins keep for mediators
  cannedRepliesTable({ serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT' }),
  // v3: when each state entry was last written (epoch ms), so RETENTION_STATE_DAYS can expire
  // untouched conversations; entries from before count as written at the upgrade.
  `
  ALTER TABLE keyv_store ADD COLUMN touched_at INTEGER;
  UPDATE keyv_store SET touched_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000;
  CREATE INDEX keyv_store_by_touch ON keyv_store (touched_at);
  `,
];

/**
 * Connection settings: WAL lets readers run beside the writer; NORMAL sync in
 * WAL mode loses at most the last transactions on power loss, never corrupts,
 * and is what makes thousands of small writes per second possible.
 */
export function configureSqlite(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoints run inside the COMMIT that crosses this many WAL frames and block the event loop
  // for ~20 µs a frame on a 2-core VM; small, frequent ones (~3 ms) keep the turn-latency tail short:
  // with the default 1,000 frames (~20 ms each) checkpoints are the whole p99 (`npm run bench -- intake`).
  db.pragma('wal_autocheckpoint = 150');
  db.pragma('foreign_keys = ON');
  // a second process (CLI next to the server) waits for the lock instead of failing at once
  db.pragma('busy_timeout = 5000');
}

/** Bring the schema up to date; runs in one immediate transaction so two processes opening at once cannot both migrate. */
export function migrateSqlite(db: Database.Database, migrations: readonly string[] = SQLITE_MIGRATIONS): number {
  const migrate = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > migrations.length) {
      throw new GongyouError(
        'config_invalid',
        `database schema version ${current} is newer than this release understands (${migrations.length}); upgrade Gongyou`,
      );
    }
    const record = db.prepare('INSERT INTO schema_version (version) VALUES (?)');
    for (let version = current + 1; version <= migrations.length; version++) {
      db.exec(migrations[version - 1]);
      record.run(version);
    }
    return migrations.length;
  });
  return migrate.immediate();
}
