/**
 * Messages that are not a direct reply (a mediator's, a reminder) are
 * persisted before sending and retried until the platform takes them, so a
 * crash or a platform failure never loses one.
 */
import type { Logger } from './logger.js';
import type { ChannelAdapter, Clock, OutgoingMessage, ReplyDraft } from './types.js';
import type { MessageLog } from './ports.js';
import { parseConversationKey } from './conversation-key.js';
import { GongyouError } from './errors.js';
import { EventEmitter } from 'node:events';

/** Options of the delivery service. */
export interface DeliveryOptions {
  messages: MessageLog;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  /** Adapters by channel name (the web chat's among them); a channel without one keeps its messages undelivered until one is configured. */
  adapters: Map<string, ChannelAdapter>;
}

/** Events of the delivery service. */
export interface DeliveryEvents {
  /** The platform refused a message (e.g. WeChat's 48-hour window): it waits for the worker's next contact. */
  undeliverable: [{ conversationKey: string; message: OutgoingMessage; error: unknown }];
}

/** Persist-then-send delivery with retry. */
export class Delivery extends EventEmitter<DeliveryEvents> {
  private readonly inFlight = new Set<string>();
  /** Messages already reported as undeliverable (reported once, not on every retry). */
  private readonly reported = new Set<string>();
  /** Conversations with a refused message waiting for the worker's next contact. */
  private readonly waiting = new Set<string>();

  constructor(private readonly options: DeliveryOptions) {
    super();
  }

  /** Persist a message for a conversation, publish it, and push it to the platform. */
  async send(conversationKey: string, draft: ReplyDraft, author: string): Promise<OutgoingMessage> {
    const { channel } = parseConversationKey(conversationKey);
    const adapter = this.options.adapters.get(channel);
    const message: OutgoingMessage = { id: this.options.newId(), ...draft };
    await this.options.messages.append({
      conversationKey,
      direction: 'out',
      author,
      message,
      at: this.options.clock.now().toISOString(),
      delivered: false,
    });
    if (adapter) await this.push(adapter, conversationKey, message);
    return message;
  }

  private async push(adapter: ChannelAdapter, conversationKey: string, message: OutgoingMessage): Promise<boolean> {
    if (this.inFlight.has(message.id)) return false;
    this.inFlight.add(message.id);
    try {
      await adapter.send(conversationKey, message);
      await this.options.messages.markDelivered(message.id);
      return true;
    } catch (error) {
      const retryable = error instanceof GongyouError ? error.isRetryable : true;
      if (!retryable && !this.reported.has(message.id)) {
        this.reported.add(message.id);
        this.waiting.add(conversationKey);
        this.emit('undeliverable', { conversationKey, message, error });
      }
      this.options.logger.warn(
        { err: error, conversation: conversationKey, messageId: message.id, retryable },
        'delivery failed; kept for retry',
      );
      return false;
    } finally {
      this.inFlight.delete(message.id);
    }
  }

  /** Whether a refused message waits for this conversation (cheap: checked on every turn). */
  hasPendingFor(conversationKey: string): boolean {
    return this.waiting.has(conversationKey);
  }

  /** The worker wrote again: send what was waiting for this conversation (e.g. after WeChat's window closed). */
  async flushConversation(conversationKey: string): Promise<number> {
    const { channel } = parseConversationKey(conversationKey);
    const adapter = this.options.adapters.get(channel);
    if (!adapter) return 0;
    let sent = 0;
    let left = 0;
    for (const entry of await this.options.messages.undelivered(1000)) {
      if (entry.conversationKey !== conversationKey) continue;
      if (await this.push(adapter, conversationKey, entry.message)) {
        this.reported.delete(entry.message.id);
        sent++;
      } else left++;
    }
    if (left === 0) this.waiting.delete(conversationKey);
    return sent;
  }

  /** Try again every undelivered message (at start and on a timer). Returns how many went out. */
  async retryUndelivered(limit = 100): Promise<number> {
    let sent = 0;
    for (const entry of await this.options.messages.undelivered(limit)) {
      const { channel } = parseConversationKey(entry.conversationKey);
      const adapter = this.options.adapters.get(channel);
      if (!adapter) continue;
      if (await this.push(adapter, entry.conversationKey, entry.message)) sent++;
    }
    return sent;
  }
}
