/** Gongyou replies as Slack messages: text sections and a row of Block Kit buttons, one per choice. */
import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import type { OutgoingMessage } from '../../src/core/types.js';
import { splitText } from '../shared/text.js';

/** action_id prefix of our choice buttons; the mediator console must not use it. */
export const CHOICE_ACTION_PREFIX = 'gongyou_choice:';
/** Matches our buttons' action_id (and nothing the mediator console registers). */
export const CHOICE_ACTION_PATTERN = /^gongyou_choice:\d+$/;

const SECTION_MAX = 3000;
const BLOCKS_PER_MESSAGE = 45;
const BUTTONS_PER_ROW = 25;
const BUTTON_LABEL_MAX = 75;

/** One chat.postMessage call. */
export interface SlackMessageParts {
  /** Notification and fallback text. */
  text: string;
  blocks: KnownBlock[];
}

/** Render a reply; very long texts become several messages, the buttons go under the last one. */
export function renderSlackMessage(message: OutgoingMessage): SlackMessageParts[] {
  const sections = splitText(message.text, SECTION_MAX).filter((piece) => piece.trim() !== '');
  const messages: SlackMessageParts[] = [];
  for (let i = 0; i < Math.max(sections.length, 1); i += BLOCKS_PER_MESSAGE) {
    const slice = sections.slice(i, i + BLOCKS_PER_MESSAGE);
    messages.push({
      text: slice.join('\n\n'),
      blocks: slice.map((piece): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(piece) } })),
    });
  }
  const choices = message.choices ?? [];
  const last = messages[messages.length - 1];
  for (let row = 0; row < choices.length; row += BUTTONS_PER_ROW) {
    last.blocks.push({
      type: 'actions',
      elements: choices.slice(row, row + BUTTONS_PER_ROW).map((choice, index) => ({
        type: 'button',
        action_id: `${CHOICE_ACTION_PREFIX}${row + index}`,
        value: choice.id,
        text: { type: 'plain_text', text: truncate(choice.label, BUTTON_LABEL_MAX), emoji: true },
      })),
    });
  }
  if (last.text === '') last.text = choices.map((choice) => choice.label).join(' / ');
  return messages;
}

/** Slack reads &, < and > as markup; a worker-facing text must show them as typed. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
