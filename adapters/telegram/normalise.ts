/** Telegram updates as Gongyou messages: keys, flags, text and which files to fetch. No network here. */
import type { CallbackQuery, Message, MessageEntity, Update } from 'telegraf/types';
import { formatConversationKey } from '../../src/core/conversation-key.js';
import type { Attachment, IncomingMessage } from '../../src/core/types.js';

/** The bot's own identity (from getMe), needed to tell whether a group message addresses it. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** A file the worker sent, still on Telegram's servers. */
export interface TelegramFileRef {
  fileId: string;
  kind: Attachment['kind'];
  name?: string;
  mimeType?: string;
}

/** Where replies to an update go. */
export interface ReplyTarget {
  chatId: number;
  /** Reply to the worker's message in groups, so the answer is visibly theirs. */
  replyToMessageId?: number;
  /** Forum topic the message came from. */
  threadId?: number;
}

/** An update the core should see, before its files are downloaded. */
export interface NormalisedUpdate {
  message: Omit<IncomingMessage, 'attachments' | 'receivedAt'>;
  files: TelegramFileRef[];
  target: ReplyTarget;
  /** Set for a button press; it must be answered so the worker's spinner stops. */
  callbackQueryId?: string;
}

type AnyMessage = Message & Partial<Message.TextMessage & Message.CaptionableMessage>;

/**
 * Normalise an update, or return undefined for what the core does not take: edits (the original was
 * already handled), channel posts, other bots, service messages, stickers and locations.
 */
export function normaliseUpdate(update: Update, me: BotIdentity, choiceFor: (data: string) => string): NormalisedUpdate | undefined {
  if ('message' in update && update.message) return fromMessage(update.message as AnyMessage, me);
  if ('callback_query' in update && update.callback_query) return fromCallbackQuery(update.callback_query, choiceFor);
  return undefined;
}

function fromMessage(message: AnyMessage, me: BotIdentity): NormalisedUpdate | undefined {
  const from = message.from;
  if (!from || from.is_bot) return undefined;
  const chat = message.chat;
  if (chat.type === 'channel') return undefined;
  const files = filesOf(message);
  const rawText = message.text || message.caption || '';
  if (rawText.trim() === '' && files.length === 0) return undefined;
  const isGroup = chat.type !== 'private';
  return {
    message: {
      channel: 'telegram',
      conversationKey: conversationKeyFor(chat.id, from.id, isGroup),
      userKey: `telegram:${from.id}`,
      messageId: `${chat.id}:${message.message_id}`,
      text: withoutBotName(rawText, me),
      isGroup,
      mentioned: isGroup && addressesBot(message, rawText, me),
      senderName: [from.first_name, from.last_name].filter(Boolean).join(' ') || undefined,
      raw: message,
    },
    files,
    target: {
      chatId: chat.id,
      replyToMessageId: isGroup ? message.message_id : undefined,
      threadId: message.is_topic_message ? message.message_thread_id : undefined,
    },
  };
}

function fromCallbackQuery(query: CallbackQuery, choiceFor: (data: string) => string): NormalisedUpdate | undefined {
  if (!('data' in query) || query.data === undefined) return undefined;
  const choiceId = choiceFor(query.data);
  const origin = query.message && 'chat' in query.message ? query.message : undefined;
  const chat = origin?.chat ?? { id: query.from.id, type: 'private' as const };
  const isGroup = chat.type !== 'private';
  const buttons = origin && 'reply_markup' in origin ? (origin.reply_markup?.inline_keyboard ?? []).flat() : [];
  const pressed = buttons.find((button) => 'callback_data' in button && button.callback_data === query.data);
  return {
    message: {
      channel: 'telegram',
      conversationKey: conversationKeyFor(chat.id, query.from.id, isGroup),
      userKey: `telegram:${query.from.id}`,
      // Telegram re-sends an unanswered callback query with the same id
      messageId: `${chat.id}:cb:${query.id}`,
      text: pressed?.text ?? choiceId,
      choiceId,
      isGroup,
      // pressing the bot's own button is addressing it
      mentioned: isGroup,
      senderName: [query.from.first_name, query.from.last_name].filter(Boolean).join(' ') || undefined,
      raw: query,
    },
    files: [],
    target: { chatId: chat.id },
    callbackQueryId: query.id,
  };
}

/** `telegram:<chatId>` in private, `telegram:room:<chatId>:user:<userId>` in a group. */
export function conversationKeyFor(chatId: number, userId: number, isGroup: boolean): string {
  return isGroup
    ? formatConversationKey({ channel: 'telegram', roomId: String(chatId), userId: String(userId) })
    : formatConversationKey({ channel: 'telegram', chatId: String(chatId) });
}

function addressesBot(message: AnyMessage, text: string, me: BotIdentity): boolean {
  if (message.reply_to_message?.from?.id === me.id) return true;
  const entities: MessageEntity[] = message.entities ?? message.caption_entities ?? [];
  const myName = `@${me.username}`.toLowerCase();
  return entities.some((entity) => {
    const part = text.slice(entity.offset, entity.offset + entity.length);
    if (entity.type === 'mention') return part.toLowerCase() === myName;
    if (entity.type === 'text_mention') return entity.user.id === me.id;
    if (entity.type === 'bot_command' && entity.offset === 0) {
      // "/help" in a group goes to every bot; "/help@otherbot" does not go to us
      const addressee = part.split('@')[1];
      return addressee === undefined || `@${addressee}`.toLowerCase() === myName;
    }
    return false;
  });
}

/** "@gongyou_bot 我被罚款" → "我被罚款", "/start@gongyou_bot abc" → "/start abc". */
function withoutBotName(text: string, me: BotIdentity): string {
  const escaped = me.username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text
    .replace(new RegExp(`@${escaped}(?![\\w])`, 'gi'), '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function filesOf(message: AnyMessage): TelegramFileRef[] {
  const m = message as Partial<Message.PhotoMessage & Message.DocumentMessage & Message.VoiceMessage & Message.AudioMessage & Message.VideoMessage & Message.VideoNoteMessage>;
  const files: TelegramFileRef[] = [];
  if (m.photo && m.photo.length > 0) {
    // sizes come smallest first; the last is the original a mediator needs to read a pay slip
    const largest = m.photo[m.photo.length - 1];
    files.push({ fileId: largest.file_id, kind: 'image', mimeType: 'image/jpeg', name: `photo-${message.message_id}.jpg` });
  }
  if (m.document) {
    const mimeType = m.document.mime_type;
    files.push({ fileId: m.document.file_id, kind: mimeType?.startsWith('image/') ? 'image' : 'file', name: m.document.file_name, mimeType });
  }
  if (m.voice) files.push({ fileId: m.voice.file_id, kind: 'audio', mimeType: m.voice.mime_type ?? 'audio/ogg', name: `voice-${message.message_id}.ogg` });
  if (m.audio) files.push({ fileId: m.audio.file_id, kind: 'audio', mimeType: m.audio.mime_type, name: m.audio.file_name });
  if (m.video) files.push({ fileId: m.video.file_id, kind: 'video', mimeType: m.video.mime_type, name: m.video.file_name });
  if (m.video_note) files.push({ fileId: m.video_note.file_id, kind: 'video', mimeType: 'video/mp4', name: `video-${message.message_id}.mp4` });
  return files;
}
