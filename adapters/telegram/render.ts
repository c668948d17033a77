/** Gongyou replies as Telegram messages: text within the length limit, choices as an inline keyboard. */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { OutgoingMessage } from '../../src/core/types.js';
import { tr, type BiText } from '../../src/core/i18n.js';
import { splitText } from '../shared/text.js';

/** The Bot API's limit for one text message. */
export const TELEGRAM_MAX_TEXT = 4096;
/** The Bot API's limit for callback_data, in bytes. */
const MAX_CALLBACK_BYTES = 64;
const SHORT_PREFIX = 'gy~';

const pleaseChoose: BiText = { 'zh-CN': '请选择：', en: 'Please choose:' };

/** One sendMessage call. */
export interface TelegramMessageParts {
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
}

/**
 * callback_data is the choice id, except for ids over Telegram's 64-byte limit: those get a short
 * token remembered in memory (lost on restart; the core's ids are short, so this is a safety net).
 */
export class CallbackDataRegistry {
  private readonly longIds = new Map<string, string>();
  private counter = 0;

  constructor(private readonly capacity = 1000) {}

  /** The callback_data to put on a button for this choice id. */
  dataFor(choiceId: string): string {
    if (Buffer.byteLength(choiceId) <= MAX_CALLBACK_BYTES && !choiceId.startsWith(SHORT_PREFIX)) return choiceId;
    const token = `${SHORT_PREFIX}${(this.counter++).toString(36)}`;
    this.longIds.set(token, choiceId);
    if (this.longIds.size > this.capacity) this.longIds.delete(this.longIds.keys().next().value as string);
    return token;
  }

  /** The choice id a pressed button's callback_data stands for. */
  choiceFor(data: string): string {
    return this.longIds.get(data) ?? data;
  }
}

/** Split a reply into sendMessage calls; the keyboard goes on the last one, under the question. */
export function renderTelegramMessage(message: OutgoingMessage, registry: CallbackDataRegistry): TelegramMessageParts[] {
  const choices = message.choices ?? [];
  const text = message.text.trim() === '' && choices.length > 0 ? `${tr('zh-CN', pleaseChoose)} / ${tr('en', pleaseChoose)}` : message.text;
  const parts: TelegramMessageParts[] = splitText(text, TELEGRAM_MAX_TEXT).map((piece) => ({ text: piece }));
  if (choices.length > 0) {
    // one button per row: Chinese labels are long and a phone screen is narrow
    parts[parts.length - 1].replyMarkup = {
      inline_keyboard: choices.map((choice) => [{ text: choice.label, callback_data: registry.dataFor(choice.id) }]),
    };
  }
  return parts;
}
