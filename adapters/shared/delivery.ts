/** The one path every adapter takes from a normalised message to the core and back, so a handler bug never reaches the platform. */
import type { BotHandler, IncomingMessage, OutgoingMessage } from '../../src/core/types.js';
import { tr, type BiText } from '../../src/core/i18n.js';
import { GongyouError } from '../../src/core/errors.js';
import type { AdapterLogger } from './logger.js';

/** Said when the core itself failed; both languages because the worker's locale lives in the core we could not reach. */
export const handlerFailedText: BiText = {
  'zh-CN': '抱歉，系统刚才出了点问题，没能处理你的消息。请过一会儿再发一次。',
  en: 'Sorry, something went wrong on our side and your message was not handled. Please send it again in a little while.',
};

/** What deliverToCore needs from the adapter. */
export interface DeliveryDeps {
  bot: BotHandler;
  logger: AdapterLogger;
  /** Send one reply to the conversation the message came from; throws a GongyouError on failure. */
  sendReply(reply: OutgoingMessage): Promise<void>;
}

/**
 * Hand a message to the core and send its replies in order. Never throws: the platform must
 * acknowledge the update whatever happens here, or it would re-deliver because of our bug.
 */
export async function deliverToCore(message: IncomingMessage, deps: DeliveryDeps): Promise<void> {
  const where = { channel: message.channel, messageId: message.messageId };
  let replies: OutgoingMessage[];
  try {
    replies = await deps.bot.handle(message);
  } catch (error) {
    deps.logger.error({ ...where, err: error }, 'bot handler failed');
    // in a group the bot only speaks when addressed; elsewhere the worker must learn the message was not handled
    if (message.isGroup && !message.mentioned) return;
    await sendQuietly(handlerFailedReply(message.messageId), deps, where);
    return;
  }
  for (const reply of replies) {
    // a later reply without the earlier one would read out of order, so stop at the first failure
    if (!(await sendQuietly(reply, deps, where))) return;
  }
}

/** The apology as an outgoing message (it is not persisted by the core, so its id is derived). */
export function handlerFailedReply(messageId: string): OutgoingMessage {
  return {
    id: `handler-failed:${messageId}`,
    text: `${tr('zh-CN', handlerFailedText)}\n${tr('en', handlerFailedText)}`,
    meta: { intent: 'handler_failed' },
  };
}

async function sendQuietly(reply: OutgoingMessage, deps: DeliveryDeps, where: object): Promise<boolean> {
  try {
    await deps.sendReply(reply);
    return true;
  } catch (error) {
    const code = error instanceof GongyouError ? error.code : 'unknown';
    deps.logger.warn({ ...where, replyId: reply.id, code, err: error }, 'reply not delivered');
    return false;
  }
}
