/** Erasure, retention and key rotation on the shared store (PostgreSQL tables and Redis state). */
import type pg from 'pg';
import type { RedisClientType } from 'redis';
import { rewrapBlob, type DataSealer } from '../../core/sealing.js';
import { rewrapText } from '../encryption.js';
import type { PersonalDataMaintenance } from '../types.js';

const SEALED_COLUMNS: Array<[string, string, string]> = [
  ['cases', 'id', 'data'],
  ['case_history', 'id', 'detail'],
  ['case_evidence', 'id', 'name'],
  ['messages', 'seq', 'message'],
  ['unanswered', 'id', 'data'],
];

/** The shared store's maintenance, but for which state is stale (the Redis state index knows that). */
export function pgMaintenance(pool: pg.Pool, redis: RedisClientType, keyPrefix: string): Omit<PersonalDataMaintenance, 'staleState'> {
  return {
    async deleteMessages(keys) {
      if (keys.length === 0) return 0;
      return (await pool.query('DELETE FROM messages WHERE conversation_key = ANY($1)', [keys])).rowCount ?? 0;
    },
    async trimMessages(before) {
      return (await pool.query("DELETE FROM messages WHERE at < $1 AND (direction = 'in' OR delivered)", [before.toISOString()])).rowCount ?? 0;
    },
    async scrubCaseTrail(caseId) {
      await pool.query("UPDATE case_history SET detail = NULL WHERE case_id = $1 AND action <> 'created'", [caseId]);
      await pool.query('UPDATE case_evidence SET name = NULL WHERE case_id = $1', [caseId]);
    },
    async deleteBlob(sha256) {
      await pool.query('DELETE FROM blobs WHERE sha256 = $1', [sha256]);
    },
    async forgetNotes(matches) {
      // a sealed question can only be compared once opened, so every note is looked at (at most UNANSWERED_KEPT and a few)
      const { rows } = await pool.query<{ id: string; question: string | null }>("SELECT id, data ->> 'question' AS question FROM unanswered");
      const ids = rows.filter((row) => row.question !== null && matches(row.question)).map((row) => row.id);
      if (ids.length === 0) return 0;
      return (await pool.query('DELETE FROM unanswered WHERE id = ANY($1)', [ids])).rowCount ?? 0;
    },
    async rewrap(sealer: DataSealer) {
      let count = 0;
      for (const [table, key, column] of SEALED_COLUMNS) {
        // ::text: the notes' column is JSONB; for the text columns it changes nothing
        const { rows } = await pool.query<{ k: string; v: string }>(`SELECT ${key} AS k, ${column}::text AS v FROM ${table} WHERE ${column}::text LIKE '%gy1:%'`);
        for (const row of rows) {
          const next = rewrapText(sealer, row.v);
          if (next === row.v) continue;
          await pool.query(`UPDATE ${table} SET ${column} = $1 WHERE ${key} = $2`, [next, row.k]);
          count += 1;
        }
      }
      const blobs = await pool.query<{ sha256: string; data: Buffer }>('SELECT sha256, data FROM blobs');
      for (const row of blobs.rows) {
        const next = rewrapBlob(sealer, row.data);
        if (next === row.data) continue;
        await pool.query('UPDATE blobs SET data = $1 WHERE sha256 = $2', [next, row.sha256]);
        count += 1;
      }
      for await (const batch of redis.scanIterator({ MATCH: `${keyPrefix}conv:*`, COUNT: 500 })) {
        for (const key of batch) {
          const value = await redis.get(key);
          if (!value || !value.includes('gy1:')) continue;
          await redis.set(key, rewrapText(sealer, value), { KEEPTTL: true } as never);
          count += 1;
        }
      }
      return count;
    },
  };
}
