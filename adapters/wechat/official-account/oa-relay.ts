/**
 * Hands a signed, checked XML message on to the puppet's loopback webhook and
 * waits for Wechaty to emit it. Wechaty messages nobody waits for did not come
 * through our signature check (or are the puppet's own inventions) and are dropped.
 */
import type { Message } from 'wechaty';
import { networkFailed } from '../../../src/core/errors.js';

/** Where the puppet listens and how long a message may take to come out of Wechaty. */
export interface PuppetRelayOptions {
  port(): number | undefined;
  /** Covers the puppet's own work on the message, including its user/info call for a new worker. */
  timeoutMs: number;
}

interface Waiting {
  resolve(message: Message): void;
  reject(error: unknown): void;
  timer: ReturnType<typeof setTimeout>;
}

/** The relay between our front route and the puppet. */
export class PuppetRelay {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly options: PuppetRelayOptions) {}

  /** Post the exact body WeChat signed (and its query) to the puppet; resolves with the Wechaty message it becomes. */
  async relay(messageId: string, body: string, search: string): Promise<Message> {
    const arrived = new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(messageId);
        reject(networkFailed(`the official-account puppet did not emit message ${messageId} within ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
      this.waiting.set(messageId, { resolve, reject, timer });
    });
    // Handled by the caller after the post; this keeps a rejection during the post from counting as unhandled.
    arrived.catch(() => undefined);
    try {
      await this.post(body, search);
    } catch (err) {
      this.take(messageId)?.reject(networkFailed('could not hand the message to the official-account puppet', err));
    }
    return arrived;
  }

  /** Wechaty emitted `message`: give it to whoever relayed it. False when nobody did. */
  arrive(message: Message): boolean {
    const waiting = this.take(message.id);
    waiting?.resolve(message);
    return waiting !== undefined;
  }

  /** Fail everything still waiting (the adapter is stopping). */
  close(): void {
    for (const id of [...this.waiting.keys()]) this.take(id)?.reject(networkFailed('the WeChat official account stopped'));
  }

  private take(messageId: string): Waiting | undefined {
    const waiting = this.waiting.get(messageId);
    if (!waiting) return undefined;
    this.waiting.delete(messageId);
    clearTimeout(waiting.timer);
    return waiting;
  }

  private async post(body: string, search: string): Promise<void> {
    const port = this.options.port();
    if (port === undefined) throw new Error('the puppet webhook is not listening');
    const response = await fetch(`http://127.0.0.1:${port}/${search}`, {
      method: 'POST',
      // express-xml-bodyparser reads only XML content types; WeChat sends text/xml.
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    await response.text();
    if (!response.ok) throw new Error(`the puppet webhook answered HTTP ${response.status}`);
  }
}
