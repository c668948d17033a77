/** The message log in SQLite: every message in and out, persisted before it is sent. */
import type Database from 'better-sqlite3';
import type { OutgoingMessage } from '../../core/types.js';
import { toLoggedMessage, type MessageRow } from '../row-mapping.js';
import type { LoggedMessage, MessageLog } from '../../core/ports.js';
import { assertLogEntry } from '../validation.js';
import type { SqliteWriteQueue } from './write-queue.js';

/** How many undelivered messages a retry sweep gets when it does not say. */
export const DEFAULT_UNDELIVERED_LIMIT = 100;

const COLUMNS = 'seq, conversation_key, direction, author, message, at, delivered';

/** MessageLog on SQLite; `seq` is the AUTOINCREMENT rowid, so it never goes backwards or gets reused. */
export class SqliteMessageLog implements MessageLog {
  private readonly insert;
  private readonly selectOutboundAfter;
  private readonly selectTranscript;
  private readonly selectTranscriptTail;
  private readonly setDelivered;
  private readonly selectUndelivered;

  constructor(
    db: Database.Database,
    private readonly writes: SqliteWriteQueue,
  ) {
    this.insert = db.prepare(
      'INSERT INTO messages (conversation_key, direction, author, message_id, message, at, delivered) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // An afterId that is not an outgoing message of this conversation resolves to seq 0, i.e. everything:
    // a client that lost track gets the whole outbox again rather than nothing.
    this.selectOutboundAfter = db.prepare<[string, string, string], { message: string }>(
      `SELECT message FROM messages
        WHERE conversation_key = ? AND direction = 'out'
          AND seq > COALESCE((SELECT MAX(seq) FROM messages WHERE conversation_key = ? AND direction = 'out' AND message_id = ?), 0)
        ORDER BY seq`,
    );
    this.selectTranscript = db.prepare<[string], MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_key = ? ORDER BY seq`,
    );
    this.selectTranscriptTail = db.prepare<[string, number], MessageRow>(
      `SELECT * FROM (SELECT ${COLUMNS} FROM messages WHERE conversation_key = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq`,
    );
    this.setDelivered = db.prepare("UPDATE messages SET delivered = 1 WHERE message_id = ? AND direction = 'out'");
    this.selectUndelivered = db.prepare<[number], MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE direction = 'out' AND NOT delivered ORDER BY seq LIMIT ?`,
    );
  }

  async append(entry: Omit<LoggedMessage, 'seq'>): Promise<LoggedMessage> {
    assertLogEntry(entry);
    const message = JSON.stringify(entry.message);
    const seq = await this.writes.run(
      () =>
        this.insert.run(entry.conversationKey, entry.direction, entry.author, entry.message.id, message, entry.at, entry.delivered ? 1 : 0)
          .lastInsertRowid,
    );
    return { ...entry, seq: Number(seq) };
  }

  async listOutbound(conversationKey: string, afterId?: string): Promise<OutgoingMessage[]> {
    return this.selectOutboundAfter
      .all(conversationKey, conversationKey, afterId ?? '')
      .map((row) => JSON.parse(row.message) as OutgoingMessage);
  }

  /** With a limit: the latest `limit` messages, still oldest first. */
  async transcript(conversationKey: string, limit?: number): Promise<LoggedMessage[]> {
    const rows =
      limit === undefined
        ? this.selectTranscript.all(conversationKey)
        : this.selectTranscriptTail.all(conversationKey, Math.max(0, Math.floor(limit)));
    return rows.map(toLoggedMessage);
  }

  async markDelivered(messageId: string): Promise<void> {
    await this.writes.run(() => this.setDelivered.run(messageId));
  }

  async undelivered(limit = DEFAULT_UNDELIVERED_LIMIT): Promise<LoggedMessage[]> {
    return this.selectUndelivered.all(Math.max(0, Math.floor(limit))).map(toLoggedMessage);
  }
}
