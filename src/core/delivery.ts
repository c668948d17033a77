/**
 * Messages that are not a direct reply (a mediator's, a reminder) are
 * persisted before sending and retried until the platform takes them, so a
 * crash or a platform failure never loses one.
 */
import type { Logger } from './logger.js';
import type { ChannelAdapter, Clock, OutgoingMessage, ReplyDraft } from './types.js';
import type { MessageLog } from '../storage/types.js';
import type { OutboxBus } from './outbox-bus.js';
import { parseConversationKey } from './conversation-key.js';
import { GongyouError } from './errors.js';

/** Options of the delivery service. */
export interface DeliveryOptions {
  messages: MessageLog;
  bus: OutboxBus;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  /** Adapters by channel name; channels without one (web) are pull-based and delivered once persisted. */
  adapters: Map<string, ChannelAdapter>;
}

/** Persist-then-send delivery with retry. */
export class Delivery {
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: DeliveryOptions) {}

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
      delivered: !adapter,
    });
    this.options.bus.publish(conversationKey, message);
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
      this.options.logger.warn(
        { err: error, conversation: conversationKey, messageId: message.id, retryable },
        'delivery failed; kept for retry',
      );
      return false;
    } finally {
      this.inFlight.delete(message.id);
    }
  }

  /** Try again every undelivered message (at start and on a timer). Returns how many went out. */
  async retryUndelivered(limit = 100): Promise<number> {
    let sent = 0;
    for (const entry of await this.options.messages.undelivered(limit)) {
      const { channel } = parseConversationKey(entry.conversationKey);
      const adapter = this.options.adapters.get(channel);
      if (!adapter) {
        await this.options.messages.markDelivered(entry.message.id);
        continue;
      }
      if (await this.push(adapter, entry.conversationKey, entry.message)) sent++;
    }
    return sent;
  }
}
