/** The `(ctx, next)` middleware pipeline every turn runs through. */
import type { Logger } from './logger.js';
import type { Clock, IncomingMessage, Locale, ReplyDraft } from './types.js';
import type { ConversationState } from './conversation-state.js';

/** Everything one turn can see and do. */
export interface TurnContext<S = unknown> {
  readonly message: IncomingMessage;
  /** Conversation state, loaded before the pipeline runs and saved after it. */
  state: ConversationState;
  /** The worker's language for this turn. */
  locale: Locale;
  /** Replies collected so far, sent in order when the turn ends. */
  readonly replies: ReplyDraft[];
  /** Add a reply. */
  reply(draft: ReplyDraft): void;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The composition root's services (intake, Q&A, cases, handoff …). */
  readonly services: S;
}

/** One step of the pipeline. Call `next()` to pass the turn on. */
export type Middleware<S = unknown> = (ctx: TurnContext<S>, next: () => Promise<void>) => Promise<void>;

/** Chain middleware into one function; calling `next()` twice is a bug and throws. */
export function compose<S>(middleware: Array<Middleware<S>>): (ctx: TurnContext<S>) => Promise<void> {
  return (ctx) => {
    let last = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= last) throw new Error('next() called more than once');
      last = i;
      const fn = middleware[i];
      if (fn) await fn(ctx, () => dispatch(i + 1));
    };
    return dispatch(0);
  };
}
