/**
 * Canned replies on either SQL backend: one JSON document a row of `canned_replies`. The statements
 * are the same text for SQLite and PostgreSQL; each backend runs them through a small `SqlRunner`.
 */
import type { CannedReply, CannedReplyInput, CannedReplyStore } from '../core/canned-replies.js';
import { cannedReplyRecord, fromJson, type JsonColumn } from './row-mapping.js';
import { assertCannedReplyInput } from './validation.js';

/** Runs one statement with `?` placeholders: rows of a SELECT, or how many rows a write changed. */
export interface SqlRunner {
  rows<T>(sql: string, params: unknown[]): Promise<T[]>;
  write(sql: string, params: unknown[]): Promise<number>;
}

type DataRow = { data: JsonColumn };

/** CannedReplyStore over any SQL backend. */
export class SqlCannedReplyStore implements CannedReplyStore {
  constructor(
    private readonly sql: SqlRunner,
    private readonly newId: () => string,
  ) {}

  async list(): Promise<CannedReply[]> {
    const rows = await this.sql.rows<DataRow>('SELECT data FROM canned_replies ORDER BY seq', []);
    return rows.map((row) => fromJson<CannedReply>(row.data));
  }

  async get(id: string): Promise<CannedReply | undefined> {
    const [row] = await this.sql.rows<DataRow>('SELECT data FROM canned_replies WHERE id = ?', [id]);
    return row ? fromJson<CannedReply>(row.data) : undefined;
  }

  async add(input: CannedReplyInput, now: Date): Promise<CannedReply> {
    assertCannedReplyInput(input);
    const reply = cannedReplyRecord(input, now, { id: this.newId(), createdAt: now.toISOString() });
    await this.sql.write('INSERT INTO canned_replies (id, data) VALUES (?, ?)', [reply.id, JSON.stringify(reply)]);
    return reply;
  }

  async update(id: string, input: CannedReplyInput, now: Date): Promise<CannedReply | undefined> {
    assertCannedReplyInput(input);
    const previous = await this.get(id);
    if (!previous) return undefined;
    const reply = cannedReplyRecord(input, now, previous);
    const changed = await this.sql.write('UPDATE canned_replies SET data = ? WHERE id = ?', [JSON.stringify(reply), id]);
    return changed ? reply : undefined;
  }

  async remove(id: string): Promise<boolean> {
    return (await this.sql.write('DELETE FROM canned_replies WHERE id = ?', [id])) > 0;
  }
}
