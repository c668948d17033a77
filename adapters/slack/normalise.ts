/** Slack events and button presses as Gongyou messages: keys, flags, text and which files to fetch. No network here. */
import { formatConversationKey } from '../../src/core/conversation-key.js';
import type { Attachment, IncomingMessage } from '../../src/core/types.js';

/** A file the worker shared, still on Slack. */
export interface SlackFileRef {
  id: string;
  url: string;
  kind: Attachment['kind'];
  name?: string;
  mimeType?: string;
  size?: number;
}

/** Where replies go: the channel, and the thread in a public channel. */
export interface SlackReplyTarget {
  channel: string;
  threadTs?: string;
}

/** A Slack input the core should see, before its files are downloaded. */
export interface NormalisedSlackInput {
  message: Omit<IncomingMessage, 'attachments' | 'receivedAt'>;
  files: SlackFileRef[];
  target: SlackReplyTarget;
}

/** The fields of message and app_mention events we read. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  client_msg_id?: string;
  files?: Array<{ id: string; name?: string; mimetype?: string; size?: number; url_private?: string; url_private_download?: string; mode?: string }>;
}

/** The fields of a block_actions payload we read. */
export interface SlackBlockActionsBody {
  user: { id: string; name?: string };
  channel?: { id: string };
  container?: { channel_id?: string; thread_ts?: string; message_ts?: string; is_ephemeral?: boolean };
  message?: { ts: string; thread_ts?: string };
}

/** One pressed button. */
export interface SlackButtonAction {
  action_id: string;
  value?: string;
  action_ts: string;
  text?: { text: string };
}

/** Subtypes a worker produces by writing; edits, deletions, joins and bot posts are not new messages. */
const WORKER_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/**
 * A message event, or undefined when the core should not see it: edits and deletions, bots, staff
 * channels, and channel messages that @mention the bot (the app_mention event carries those).
 */
export function fromMessageEvent(event: SlackMessageEvent, botUserId: string | undefined): NormalisedSlackInput | undefined {
  if (!WORKER_SUBTYPES.has(event.subtype) || event.bot_id || !event.user || event.user === botUserId) return undefined;
  const isDirect = event.channel_type === 'im';
  if (!isDirect && botUserId && (event.text ?? '').includes(`<@${botUserId}>`)) return undefined;
  return build(event, botUserId, !isDirect, false);
}

/** An app_mention event: always a group message that addresses the bot. */
export function fromMention(event: SlackMessageEvent, botUserId: string | undefined): NormalisedSlackInput | undefined {
  if (!event.user || event.bot_id || event.user === botUserId) return undefined;
  return build(event, botUserId, true, true);
}

/** A Block Kit button press on one of our choice buttons. */
export function fromButton(body: SlackBlockActionsBody, action: SlackButtonAction): NormalisedSlackInput | undefined {
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!channel || action.value === undefined) return undefined;
  const isGroup = !channel.startsWith('D');
  const threadTs = body.container?.thread_ts ?? body.message?.thread_ts;
  return {
    message: {
      channel: 'slack',
      conversationKey: conversationKeyFor(channel, body.user.id, isGroup),
      userKey: `slack:${body.user.id}`,
      messageId: `${channel}:action:${action.action_ts}`,
      text: action.text?.text ?? action.value,
      choiceId: action.value,
      isGroup,
      // pressing the bot's own button is addressing it
      mentioned: isGroup,
      raw: body,
    },
    files: [],
    target: { channel, threadTs: isGroup ? (threadTs ?? body.message?.ts) : undefined },
  };
}

/** `slack:<dm channel>` for a direct message, `slack:room:<channel>:user:<user>` in a channel. */
export function conversationKeyFor(channel: string, user: string, isGroup: boolean): string {
  return isGroup ? formatConversationKey({ channel: 'slack', roomId: channel, userId: user }) : formatConversationKey({ channel: 'slack', chatId: channel });
}

function build(event: SlackMessageEvent, botUserId: string | undefined, isGroup: boolean, mentioned: boolean): NormalisedSlackInput {
  const user = event.user!;
  return {
    message: {
      channel: 'slack',
      conversationKey: conversationKeyFor(event.channel, user, isGroup),
      userKey: `slack:${user}`,
      // the same id for the app_mention and message events of one message, and for Slack's retries
      messageId: event.client_msg_id ?? `${event.channel}:${event.ts}`,
      text: cleanText(event.text ?? '', botUserId),
      isGroup,
      mentioned,
      raw: event,
    },
    files: filesOf(event),
    target: { channel: event.channel, threadTs: isGroup ? (event.thread_ts ?? event.ts) : undefined },
  };
}

/** Drop the bot's own mention and undo Slack's three HTML escapes. */
function cleanText(text: string, botUserId: string | undefined): string {
  const withoutBot = botUserId ? text.split(`<@${botUserId}>`).join('') : text;
  return withoutBot
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function filesOf(event: SlackMessageEvent): SlackFileRef[] {
  return (event.files ?? [])
    .filter((file) => file.mode !== 'tombstone' && (file.url_private_download ?? file.url_private))
    .map((file) => ({
      id: file.id,
      url: (file.url_private_download ?? file.url_private)!,
      kind: kindOf(file.mimetype),
      name: file.name,
      mimeType: file.mimetype,
      size: file.size,
    }));
}

function kindOf(mimeType: string | undefined): Attachment['kind'] {
  if (mimeType?.startsWith('image/')) return 'image';
  if (mimeType?.startsWith('audio/')) return 'audio';
  if (mimeType?.startsWith('video/')) return 'video';
  return 'file';
}
