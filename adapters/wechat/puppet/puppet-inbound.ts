/** Turn a Wechaty message (private or group) into the core's IncomingMessage, downloading files via FileBox. */
import { types, type Message } from 'wechaty';
import type { Attachment, IncomingMessage, Locale } from '../../../src/core/types.js';
import { formatConversationKey } from '../../../src/core/conversation-key.js';
import { tr } from '../../../src/core/i18n.js';
import type { ChoiceMemory } from '../choices.js';
import type { AdapterLogger } from '../../shared/logger.js';
import { FILE_PLACEHOLDER, PHOTO_PLACEHOLDER, UNSUPPORTED_MESSAGE, VIDEO_PLACEHOLDER, VOICE_PLACEHOLDER } from '../texts.js';

/** What normalising needs from the adapter. */
export interface PuppetInboundDeps {
  choices: ChoiceMemory;
  locale: Locale;
  logger: AdapterLogger;
  now(): Date;
}

const FILE_KINDS = new Map<types.Message, Attachment['kind']>([
  [types.Message.Image, 'image'],
  [types.Message.Attachment, 'file'],
  [types.Message.Audio, 'audio'],
  [types.Message.Video, 'video'],
]);

/** The conversation key for a Wechaty message: private chat, or one member of a room. */
export function puppetConversationKey(contactId: string, roomId?: string): string {
  return roomId === undefined
    ? formatConversationKey({ channel: 'wechat', chatId: contactId })
    : formatConversationKey({ channel: 'wechat', roomId, userId: contactId });
}

async function attachmentOf(message: Message, kind: Attachment['kind'], logger: AdapterLogger): Promise<Attachment> {
  try {
    const fileBox = await message.toFileBox();
    return { kind, name: fileBox.name, mimeType: fileBox.mediaType, data: await fileBox.toBuffer() };
  } catch (err) {
    // The message still reaches the core; a mediator can ask the worker to resend the file.
    logger.warn({ err, kind, messageId: message.id }, 'wechat: could not download attachment');
    return { kind };
  }
}

function placeholderFor(kind: Attachment['kind'], name: string | undefined, locale: Locale): string {
  if (kind === 'image') return tr(locale, PHOTO_PLACEHOLDER);
  if (kind === 'audio') return tr(locale, VOICE_PLACEHOLDER);
  if (kind === 'video') return tr(locale, VIDEO_PLACEHOLDER);
  return tr(locale, FILE_PLACEHOLDER, { name: name ?? '' });
}

/** Normalise one message; undefined for our own messages, which must never loop back into the core. */
export async function normalisePuppetMessage(message: Message, deps: PuppetInboundDeps): Promise<IncomingMessage | undefined> {
  if (message.self()) return undefined;
  const talker = message.talker();
  const room = message.room();
  const conversationKey = puppetConversationKey(talker.id, room?.id);
  const mentioned = room ? await message.mentionSelf() : false;
  const kind = FILE_KINDS.get(message.type());
  const attachments = kind ? [await attachmentOf(message, kind, deps.logger)] : [];

  let text: string;
  if (kind) text = placeholderFor(kind, attachments[0]?.name, deps.locale);
  else if (message.type() === types.Message.Text) text = mentioned ? await message.mentionText() : message.text();
  else text = tr(deps.locale, UNSUPPORTED_MESSAGE, { kind: types.Message[message.type()] ?? String(message.type()) });

  // A typed number stands for the choice's label, as a pressed button would.
  const choice = kind ? undefined : deps.choices.resolve(conversationKey, text);
  return {
    channel: 'wechat',
    conversationKey,
    userKey: formatConversationKey({ channel: 'wechat', chatId: talker.id }),
    messageId: message.id,
    text: choice ? choice.label : text,
    ...(choice ? { choiceId: choice.id } : {}),
    attachments,
    isGroup: room !== undefined,
    mentioned,
    senderName: talker.name(),
    receivedAt: deps.now(),
    raw: message.payload,
  };
}
