/** Reading a conversation key the core hands back to the WeChat adapter. */
import { GongyouError } from '../../src/core/errors.js';
import { parseConversationKey, type ConversationKeyParts } from '../../src/core/conversation-key.js';

/** Split a WeChat conversation key; a malformed or foreign key is the caller's mistake (bad_request). */
export function wechatConversationParts(conversationKey: string): ConversationKeyParts {
  let parts: ConversationKeyParts;
  try {
    parts = parseConversationKey(conversationKey);
  } catch (err) {
    throw new GongyouError('bad_request', `not a conversation key: ${conversationKey}`, { cause: err });
  }
  if (parts.channel !== 'wechat') throw new GongyouError('bad_request', `not a WeChat conversation: ${conversationKey}`);
  return parts;
}
