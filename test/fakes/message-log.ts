/** In-memory MessageLog for tests of code that reads or writes the message log. */
import type { OutgoingMessage } from '../../src/core/types.js';
import type { LoggedMessage, MessageLog } from '../../src/core/ports.js';

/** Keeps every entry in an array, in append order. */
export class InMemoryMessageLog implements MessageLog {
  /** Every entry appended, oldest first (tests read it directly). */
  readonly entries: LoggedMessage[] = [];

  /** Append with the next sequence number. */
  async append(entry: Omit<LoggedMessage, 'seq'>): Promise<LoggedMessage> {
    const logged: LoggedMessage = { ...entry, seq: this.entries.length + 1 };
    this.entries.push(logged);
    return logged;
  }

  /** Outgoing messages after the one with `afterId`; an unknown id lists all, so nothing is hidden. */
  async listOutbound(conversationKey: string, afterId?: string): Promise<OutgoingMessage[]> {
    const outbound = this.entries.filter((e) => e.conversationKey === conversationKey && e.direction === 'out');
    const start = afterId === undefined ? 0 : outbound.findIndex((e) => e.message.id === afterId) + 1;
    return outbound.slice(start).map((e) => e.message);
  }

  /** The last `limit` entries of a conversation, oldest first. */
  async transcript(conversationKey: string, limit?: number): Promise<LoggedMessage[]> {
    const all = this.entries.filter((e) => e.conversationKey === conversationKey);
    return limit === undefined ? all : all.slice(-limit);
  }

  /** Flag an outgoing message as delivered. */
  async markDelivered(messageId: string): Promise<void> {
    for (const e of this.entries) if (e.message.id === messageId) e.delivered = true;
  }

  /** Outgoing entries not yet delivered, oldest first. */
  async undelivered(limit?: number): Promise<LoggedMessage[]> {
    const pending = this.entries.filter((e) => e.direction === 'out' && !e.delivered);
    return limit === undefined ? pending : pending.slice(0, limit);
  }
}
