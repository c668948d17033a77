/** In-process notifications of messages sent to a conversation (feeds SSE and adapters). */
import type { OutgoingMessage } from './types.js';

/** Listener of one conversation's outgoing messages. */
export type OutboxListener = (message: OutgoingMessage) => void;

/** Publish/subscribe of outgoing messages by conversation key. */
export class OutboxBus {
  private readonly listeners = new Map<string, Set<OutboxListener>>();

  /** Listen to one conversation; returns the function that stops listening. */
  subscribe(conversationKey: string, listener: OutboxListener): () => void {
    let set = this.listeners.get(conversationKey);
    if (!set) this.listeners.set(conversationKey, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0) this.listeners.delete(conversationKey);
    };
  }

  /** Tell every listener of a conversation about a message (already persisted). */
  publish(conversationKey: string, message: OutgoingMessage): void {
    for (const listener of this.listeners.get(conversationKey) ?? []) {
      try {
        listener(message);
      } catch {
        // a broken listener (closed SSE stream) must not stop the others
      }
    }
  }
}
