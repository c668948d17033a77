/** Erasure, retention and key rotation on the embedded store (SQLite, evidence files, the notes file). */
import { readdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { rewrapBlob, type DataSealer } from '../../core/sealing.js';
import type { FileBlobStore } from '../blobs.js';
import { isSha256Hex } from '../blobs.js';
import { rewrapText } from '../encryption.js';
import type { PersonalDataMaintenance } from '../types.js';
import type { UnansweredLog } from '../unanswered-file.js';
import type { SqliteKeyvStore } from './keyv-store.js';
import type { SqliteWriteQueue } from './write-queue.js';

/** Columns that may hold sealed values: [table, key column, value column]. */
const SEALED_COLUMNS: Array<[string, string, string]> = [
  ['cases', 'id', 'data'],
  ['case_history', 'id', 'detail'],
  ['case_evidence', 'id', 'name'],
  ['messages', 'seq', 'message'],
  ['keyv_store', 'key', 'value'],
];

/** The embedded store's maintenance. */
export function sqliteMaintenance(
  db: Database.Database,
  writes: SqliteWriteQueue,
  blobs: FileBlobStore,
  evidenceDir: string,
  notes: UnansweredLog,
  state: SqliteKeyvStore,
): PersonalDataMaintenance {
  return {
    staleState: (before) => state.untouchedSince(before),
    async deleteMessages(keys) {
      if (keys.length === 0) return 0;
      return writes.run(() => db.prepare('DELETE FROM messages WHERE conversation_key IN (SELECT value FROM json_each(?))').run(JSON.stringify(keys)).changes);
    },
    async trimMessages(before) {
      return writes.run(
        () => db.prepare("DELETE FROM messages WHERE at < ? AND (direction = 'in' OR delivered)").run(before.toISOString()).changes,
      );
    },
    async scrubCaseTrail(caseId) {
      await writes.run(() => {
        db.prepare("UPDATE case_history SET detail = NULL WHERE case_id = ? AND action <> 'created'").run(caseId);
        db.prepare('UPDATE case_evidence SET name = NULL WHERE case_id = ?').run(caseId);
      });
    },
    async deleteBlob(sha256) {
      if (isSha256Hex(sha256)) await rm(blobs.pathOf(sha256), { force: true });
    },
    forgetNotes: (matches) => notes.forget(matches),
    async rewrap(sealer: DataSealer) {
      let count = 0;
      for (const [table, key, column] of SEALED_COLUMNS) {
        const rows = db.prepare(`SELECT ${key} AS k, ${column} AS v FROM ${table} WHERE ${column} LIKE '%gy1:%'`).all() as Array<{ k: unknown; v: string }>;
        const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
        await writes.run(() => {
          for (const row of rows) {
            const next = rewrapText(sealer, row.v);
            if (next !== row.v) {
              update.run(next, row.k);
              count += 1;
            }
          }
        });
      }
      count += await notes.rewrite((line) => rewrapText(sealer, line));
      for (const file of await listFiles(evidenceDir)) {
        const data = await readFile(file);
        const next = rewrapBlob(sealer, data);
        if (next === data) continue;
        await writeFile(`${file}.rotate`, next, { mode: 0o600 });
        await rename(`${file}.rotate`, file);
        count += 1;
      }
      return count;
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (isSha256Hex(entry.name)) files.push(full);
  }
  return files;
}
