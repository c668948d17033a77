/** What WeChat text can show, and how replies are cut and numbered to fit it. */
import type { ChannelCapabilities, Locale, OutgoingMessage } from '../../src/core/types.js';
import { renderNumberedChoices } from '../shared/choices.js';
import { splitText } from '../shared/text.js';

/** Characters per WeChat text message: 600 CJK characters stay under WeChat's 2048-byte limit. */
export const WECHAT_MAX_TEXT_CHARS = 600;

/** No buttons, edits or threads: choices become "回复 1/2/3". */
export const WECHAT_CAPABILITIES: ChannelCapabilities = {
  buttons: false,
  threads: false,
  edits: false,
  maxTextLength: WECHAT_MAX_TEXT_CHARS,
  attachments: true,
};

/** Render one reply as the WeChat text messages that carry it. */
export function renderForWechat(reply: OutgoingMessage, locale: Locale): string[] {
  return splitText(renderNumberedChoices(reply.text, reply.choices ?? [], locale), WECHAT_MAX_TEXT_CHARS);
}
