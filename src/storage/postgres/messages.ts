/** The message log in PostgreSQL, shared by every instance. */
import type pg from 'pg';
import type { OutgoingMessage } from '../../core/types.js';
import { fromJson, toLoggedMessage, type MessageRow } from '../row-mapping.js';
import type { LoggedMessage, MessageLog } from '../../core/ports.js';
import { assertLogEntry } from '../validation.js';

/** How many undelivered messages a retry sweep gets when it does not say. */
export const PG_DEFAULT_UNDELIVERED_LIMIT = 100;

const COLUMNS = 'seq, conversation_key, direction, author, message, at, delivered';

/**
 * MessageLog on PostgreSQL. `seq` comes from a sequence: increasing in the
 * order rows are inserted, though two instances' concurrent inserts may commit
 * out of seq order. Hot queries are named so each connection prepares them once.
 */
export class PgMessageLog implements MessageLog {
  /** Last pending append per conversation: appends issued together still get seq in issue order. */
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly pool: pg.Pool) {}

  /**
   * Pool connections would otherwise race, so a conversation's appends issued
   * at once (a turn's message and its replies) are chained in issue order.
   */
  append(entry: Omit<LoggedMessage, 'seq'>): Promise<LoggedMessage> {
    assertLogEntry(entry);
    const key = entry.conversationKey;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(
      () => this.insert(entry),
      () => this.insert(entry),
    );
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  private async insert(entry: Omit<LoggedMessage, 'seq'>): Promise<LoggedMessage> {
    const { rows } = await this.pool.query<{ seq: string }>({
      name: 'gongyou-message-append',
      text: `INSERT INTO messages (conversation_key, direction, author, message_id, message, at, delivered)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq`,
      values: [
        entry.conversationKey,
        entry.direction,
        entry.author,
        entry.message.id,
        JSON.stringify(entry.message),
        entry.at,
        entry.delivered,
      ],
    });
    return { ...entry, seq: Number(rows[0].seq) };
  }

  /** An afterId that is not an outgoing message of this conversation means "everything" (see the SQLite log). */
  async listOutbound(conversationKey: string, afterId?: string): Promise<OutgoingMessage[]> {
    const { rows } = await this.pool.query<{ message: string }>({
      name: 'gongyou-message-outbound',
      text: `SELECT message FROM messages
              WHERE conversation_key = $1 AND direction = 'out'
                AND seq > COALESCE((SELECT MAX(seq) FROM messages WHERE conversation_key = $1 AND direction = 'out' AND message_id = $2), 0)
              ORDER BY seq`,
      values: [conversationKey, afterId ?? ''],
    });
    return rows.map((row) => fromJson<OutgoingMessage>(row.message));
  }

  /** With a limit: the latest `limit` messages, still oldest first. */
  async transcript(conversationKey: string, limit?: number): Promise<LoggedMessage[]> {
    const { rows } =
      limit === undefined
        ? await this.pool.query<MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE conversation_key = $1 ORDER BY seq`, [
            conversationKey,
          ])
        : await this.pool.query<MessageRow>(
            `SELECT * FROM (SELECT ${COLUMNS} FROM messages WHERE conversation_key = $1 ORDER BY seq DESC LIMIT $2) tail ORDER BY seq`,
            [conversationKey, Math.max(0, Math.floor(limit))],
          );
    return rows.map(toLoggedMessage);
  }

  async markDelivered(messageId: string): Promise<void> {
    await this.pool.query("UPDATE messages SET delivered = TRUE WHERE message_id = $1 AND direction = 'out'", [messageId]);
  }

  async undelivered(limit = PG_DEFAULT_UNDELIVERED_LIMIT): Promise<LoggedMessage[]> {
    const { rows } = await this.pool.query<MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE direction = 'out' AND NOT delivered ORDER BY seq LIMIT $1`,
      [Math.max(0, Math.floor(limit))],
    );
    return rows.map(toLoggedMessage);
  }
}
