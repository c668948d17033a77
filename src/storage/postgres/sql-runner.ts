/** SqlRunner on PostgreSQL: the shared SQL's `?` placeholders become $1, $2 … */
import type pg from 'pg';
import type { SqlRunner } from '../canned-replies-sql.js';

/** `?` → `$n`, in order (the shared statements hold no `?` inside string literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Run shared SQL on a PostgreSQL pool. */
export function pgRunner(pool: pg.Pool): SqlRunner {
  return {
    rows: async <T>(sql: string, params: unknown[]) => (await pool.query(numbered(sql), params)).rows as T[],
    write: async (sql, params) => (await pool.query(numbered(sql), params)).rowCount ?? 0,
  };
}
