/**
 * The embedded default: everything on one machine, in `<dataDir>/gongyou.sqlite`
 * plus evidence files under `<dataDir>/evidence/`. No server to run.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import Keyv from 'keyv';
import { GongyouError } from '../core/errors.js';
import { systemClock, type Clock } from '../core/types.js';
import { FileBlobStore } from './blobs.js';
import { guardStore } from './guard.js';
import { createKeyvStateStore, stateSerialization } from './keyv-state.js';
import { SqliteCaseStore } from './sqlite/cases.js';
import { SqliteDedupeStore } from './sqlite/dedupe.js';
import { SqliteKeyvStore } from './sqlite/keyv-store.js';
import { SqliteMessageLog } from './sqlite/messages.js';
import { sqliteMaintenance } from './sqlite/maintenance.js';
import { configureSqlite, migrateSqlite } from './sqlite/schema.js';
import { SqliteStaffStore } from './sqlite/staff.js';
import { SqliteWriteQueue } from './sqlite/write-queue.js';
import type { Storage } from './types.js';
import { withPersonalDataMasking } from './masking.js';
import { withEncryption } from './encryption.js';
import type { DataSealer } from '../core/sealing.js';
import { UnansweredLog, unansweredFile } from './unanswered-file.js';
import { SqlCannedReplyStore } from './canned-replies-sql.js';
import { sqliteRunner } from './sqlite/sql-runner.js';

/** Options of the embedded storage. */
export interface EmbeddedStorageOptions {
  /** Seals personal data at rest (GONGYOU_DATA_KEY); without one it is stored in plain text. */
  sealer?: DataSealer;
  /** Folder for the database and evidence; created if missing. */
  dataDir: string;
  /** Prunes old dedupe entries on open and stamps each state write (RETENTION_STATE_DAYS counts from it). */
  clock?: Clock;
  /** Id generator for staff users (tests pass a counter). */
  newId?: () => string;
}

/** File name of the database inside the data folder. */
export const EMBEDDED_DATABASE_FILE = 'gongyou.sqlite';
/** Folder of evidence files inside the data folder. */
export const EMBEDDED_EVIDENCE_DIR = 'evidence';

/** SQLITE_BUSY and SQLITE_LOCKED clear up once the other writer finishes; everything else will fail again. */
function isRetryableSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Open (creating and migrating as needed) the embedded SQLite storage. */
export async function openEmbeddedStorage(options: EmbeddedStorageOptions): Promise<Storage> {
  const clock = options.clock ?? systemClock;
  const dataDir = path.resolve(options.dataDir);
  let db: Database.Database;
  try {
    // the database holds workers' personal data: a new one is readable by the service account only
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = path.join(dataDir, EMBEDDED_DATABASE_FILE);
    const isNew = !existsSync(file);
    db = new Database(file);
    if (isNew) chmodSync(file, 0o600);
  } catch (error) {
    throw new GongyouError('storage_failed', `cannot open the database in ${dataDir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    configureSqlite(db);
    migrateSqlite(db);
  } catch (error) {
    db.close();
    if (error instanceof GongyouError) throw error;
    throw new GongyouError('storage_failed', `cannot prepare the database in ${dataDir}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  const writes = new SqliteWriteQueue(db);
  const dedupe = new SqliteDedupeStore(db, writes);
  dedupe.prune(clock.now());
  const keyvStore = new SqliteKeyvStore(db, { table: 'keyv_store', clock }, writes);
  const state = new Keyv({ store: keyvStore, namespace: 'conv', throwOnErrors: true, ...stateSerialization });
  let closed = false;

  const guard = <T extends object>(store: T, name: string) => guardStore(store, name, isRetryableSqliteError);
  const unanswered = new UnansweredLog(unansweredFile(dataDir));
  const fileBlobs = new FileBlobStore(path.join(dataDir, EMBEDDED_EVIDENCE_DIR), options.sealer);
  const sealed = (storage: Storage): Storage => (options.sealer ? withEncryption(storage, options.sealer) : storage);
  return withPersonalDataMasking(sealed({
    cases: guard(new SqliteCaseStore(db, writes), 'cases'),
    messages: guard(new SqliteMessageLog(db, writes), 'messages'),
    dedupe: guard(dedupe, 'dedupe'),
    blobs: guard(fileBlobs, 'blobs'),
    maintenance: guard(sqliteMaintenance(db, writes, fileBlobs, path.join(dataDir, EMBEDDED_EVIDENCE_DIR), unanswered, keyvStore), 'maintenance'),
    staff: guard(new SqliteStaffStore(db, writes, options.newId ?? randomUUID), 'staff'),
    cannedReplies: guard(new SqlCannedReplyStore(sqliteRunner(db, writes), randomUUID), 'cannedReplies'),
    state: guard(createKeyvStateStore(state), 'state'),
    // A file beside the knowledge base, which `kb unanswered` reads without opening the database.
    unanswered,
    async close() {
      if (closed) return;
      closed = true;
      await unanswered.flush();
      writes.close();
      // fold the WAL back into the main file so a copied gongyou.sqlite is complete on its own
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  }));
}
