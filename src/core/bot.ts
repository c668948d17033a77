/**
 * The channel-agnostic bot: every incoming message, from any adapter, goes
 * through `handle`, which dedupes redeliveries, runs one conversation's turns
 * one at a time, loads and saves state, runs the middleware pipeline, and
 * persists replies before anyone sends them. Handler errors end in one sink:
 * the worker gets a polite message, the log gets the details.
 */
import type { Logger } from './logger.js';
import type { BotHandler, Clock, IncomingMessage, Locale, OutgoingMessage, ReplyDraft } from './types.js';
import type { ConversationLock, DedupeStore, MessageLog, ConversationStateStore } from './ports.js';
import { compose, type Middleware, type TurnContext } from './pipeline.js';
import { KeyedQueue } from './keyed-queue.js';
import { parseConversationState, type ConversationState } from './conversation-state.js';
import { OutboxBus } from './outbox-bus.js';
import { GongyouError } from './errors.js';
import { tr, writtenIn, type BiText } from './i18n.js';

/** What the bot needs from the world. */
export interface BotDeps<S> {
  messages: MessageLog;
  dedupe: DedupeStore;
  state: ConversationStateStore;
  bus: OutboxBus;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  middleware: Array<Middleware<S>>;
  services: S;
  defaultLocale: Locale;
  /** Serialises a conversation across instances (shared storage); the in-process queue covers one instance. */
  lock?: ConversationLock;
  /** Called after each processed turn (e.g. to send messages that waited for the worker's next contact). */
  afterTurn?: (message: IncomingMessage) => void;
}

/** The bot plus what the composition root needs to shut it down. */
export interface Bot extends BotHandler {
  /** Refuse new turns (they get a 'shutting down' error) and wait for turns in flight. */
  drain(): Promise<void>;
  /** Turns queued or running. */
  readonly pending: number;
  /**
   * Change a conversation's saved state from outside a turn (a mediator takes
   * over or hands back), queued behind that conversation's turns so nothing is overwritten.
   */
  updateState(conversationKey: string, mutate: (state: ConversationState) => void): Promise<ConversationState>;
  /**
   * Delete a conversation's saved state if `expired(saved)` says so, queued behind that
   * conversation's turns, so a turn in flight is never cut off; true when it was deleted.
   */
  expireState(conversationKey: string, expired: (saved: unknown) => boolean): Promise<boolean>;
}

const SORRY: BiText = {
  'zh-CN': '抱歉，系统刚才出了点问题。您的消息已经保存，不会丢失。请稍后再发一次，或回复“转人工”找工作人员。',
  en: 'Sorry, something went wrong on our side. Your message is saved and will not be lost. Please try again shortly, or reply "转人工" to reach a person.',
};

/** Create the bot around a middleware pipeline. */
export function createBot<S>(deps: BotDeps<S>): Bot {
  const queue = new KeyedQueue();
  const run = compose(deps.middleware);
  let accepting = true;

  async function replay(message: IncomingMessage, ids: string[]): Promise<OutgoingMessage[]> {
    const sent = await deps.messages.listOutbound(message.conversationKey);
    const wanted = new Set(ids);
    return sent.filter((m) => wanted.has(m.id));
  }

  async function turn(message: IncomingMessage): Promise<OutgoingMessage[]> {
    const dedupeKey = `${message.channel}:${message.messageId}`;
    const [seen, saved] = await Promise.all([deps.dedupe.seen(dedupeKey), deps.state.get(message.conversationKey)]);
    if (seen) {
      deps.logger.debug({ conversation: message.conversationKey }, 'duplicate message, replaying replies');
      return replay(message, seen);
    }
    // The worker's message is written at once; it commits with the turn's other writes (one
    // transaction) unless the turn waits on something slow, in which case it commits on its own first.
    const inbound = deps.messages.append({
      conversationKey: message.conversationKey,
      direction: 'in',
      author: 'worker',
      message: {
        id: message.messageId,
        text: message.text,
        meta: { intent: 'worker_message', ...(message.choiceId ? { choiceId: message.choiceId } : {}) },
      } as OutgoingMessage,
      at: message.receivedAt.toISOString(),
      delivered: true,
    });
    const loaded = parseConversationState(saved);
    if (loaded.corrupt) deps.logger.warn({ conversation: message.conversationKey }, 'discarded corrupt conversation state');
    const before: ConversationState = loaded.state;
    // May note the language the worker writes in on the state, which is saved with the turn.
    const locale = followWrittenLanguage(before, message.text) ?? deps.defaultLocale;
    const replies: ReplyDraft[] = [];
    const ctx: TurnContext<S> = {
      message,
      // parseConversationState returns a fresh object; the pre-turn copy is not needed because a
      // failed turn simply does not save.
      state: before,
      locale,
      replies,
      reply: (draft) => void replies.push(draft),
      clock: deps.clock,
      logger: deps.logger,
      services: deps.services,
    };
    let failed = false;
    try {
      await run(ctx);
    } catch (error) {
      // Keep the state as it was before the turn, so the worker resumes at the same question.
      failed = true;
      deps.logger.error(
        { err: error, code: error instanceof GongyouError ? error.code : 'handler_failed', conversation: message.conversationKey },
        'turn failed',
      );
      replies.length = 0;
      replies.push({ text: tr(ctx.locale, SORRY), meta: { intent: 'error' } });
    }
    const now = deps.clock.now();
    const sent: OutgoingMessage[] = replies.map((draft) => ({ id: deps.newId(), ...draft }));
    // New state, replies and the dedupe record are issued in one tick, so the store commits them together.
    const writes: Array<Promise<unknown>> = [inbound];
    if (!failed) {
      ctx.state.updatedAt = now.toISOString();
      writes.push(deps.state.set(message.conversationKey, ctx.state));
    }
    for (const reply of sent) {
      writes.push(
        deps.messages.append({
          conversationKey: message.conversationKey,
          direction: 'out',
          author: 'bot',
          message: reply,
          at: now.toISOString(),
          delivered: true,
        }),
      );
    }
    writes.push(deps.dedupe.remember(dedupeKey, sent.map((m) => m.id), now));
    await Promise.all(writes);
    for (const reply of sent) deps.bus.publish(message.conversationKey, reply);
    deps.afterTurn?.(message);
    return sent;
  }

  /** Run work on a conversation's state after its turns, across instances too (the lock). */
  function serialised<T>(conversationKey: string, work: () => Promise<T>): Promise<T> {
    const lock = deps.lock;
    return queue.run(conversationKey, () => (lock ? lock.run(conversationKey, work) : work()));
  }

  return {
    get pending() {
      return queue.size;
    },
    handle(message) {
      if (!accepting) {
        return Promise.reject(new GongyouError('handler_failed', 'shutting down', { isRetryable: true }));
      }
      return serialised(message.conversationKey, () => turn(message));
    },
    updateState(conversationKey, mutate) {
      return serialised(conversationKey, async () => {
        const { state } = parseConversationState(await deps.state.get(conversationKey));
        mutate(state);
        state.updatedAt = deps.clock.now().toISOString();
        await deps.state.set(conversationKey, state);
        return state;
      });
    },
    expireState(conversationKey, expired) {
      return serialised(conversationKey, async () => {
        const saved = await deps.state.get(conversationKey);
        if (saved === undefined || !expired(saved)) return false;
        await deps.state.delete(conversationKey);
        return true;
      });
    },
    async drain() {
      accepting = false;
      await queue.onIdle();
    },
  };
}

/**
 * The reply language: the one the worker chose (/lang, 语言) stays; otherwise the language they
 * write in, remembered so that a short answer later ("Meituan", "3500") keeps it.
 */
function followWrittenLanguage(state: ConversationState, text: string): Locale | undefined {
  if (state.locale && !state.localeFromText) return state.locale;
  const written = writtenIn(text);
  if (written) {
    state.locale = written;
    state.localeFromText = true;
  }
  return state.locale;
}
