/** The admin's list of questions the bot was unsure of, in PostgreSQL: every instance writes to one list. */
import type pg from 'pg';
import { maskedEntry, readEntry, UNANSWERED_KEPT, type UnansweredEntry, type UnansweredStore } from '../../core/unanswered.js';

/** After this many notes from one instance, the oldest beyond UNANSWERED_KEPT are deleted. */
const TRIM_EVERY = 500;

/** Unanswered notes in the `unanswered` table (one JSON note a row). */
export class PgUnansweredStore implements UnansweredStore {
  private sinceTrim = 0;
  private readonly kept: number;

  constructor(
    private readonly pool: pg.Pool,
    options: { kept?: number } = {},
  ) {
    this.kept = options.kept ?? UNANSWERED_KEPT;
  }

  async record(entry: UnansweredEntry): Promise<void> {
    try {
      const masked = maskedEntry(entry);
      await this.pool.query('INSERT INTO unanswered (at, data) VALUES ($1, $2)', [masked.at, JSON.stringify(masked)]);
      this.sinceTrim += 1;
      if (this.sinceTrim >= Math.min(TRIM_EVERY, this.kept)) {
        this.sinceTrim = 0;
        await this.pool.query('DELETE FROM unanswered WHERE id < (SELECT id FROM unanswered ORDER BY id DESC OFFSET $1 LIMIT 1)', [this.kept - 1]);
      }
    } catch {
      // The worker's answer never waits on or fails with this note.
    }
  }

  async entries(since?: Date): Promise<UnansweredEntry[]> {
    const { rows } = since
      ? await this.pool.query<{ data: unknown }>('SELECT data FROM unanswered WHERE at >= $1 ORDER BY id', [since.toISOString()])
      : await this.pool.query<{ data: unknown }>('SELECT data FROM unanswered ORDER BY id');
    return rows.flatMap(({ data }) => readEntry(data) ?? []);
  }
}
