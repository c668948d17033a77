/**
 * Turn official-account messages into the core's IncomingMessage: the kinds the
 * puppet parses and emits through Wechaty (text, photo, voice), and the kinds its
 * webhook drops (location, link, video, events), read from WeChat's XML here.
 */
import { types, type Message } from 'wechaty';
import type { Attachment, Clock, IncomingMessage, Locale } from '../../../src/core/types.js';
import { formatConversationKey } from '../../../src/core/conversation-key.js';
import { tr } from '../../../src/core/i18n.js';
import type { ChoiceMemory } from '../choices.js';
import type { AdapterLogger } from '../../shared/logger.js';
import { downloadFile, type FetchLike } from '../../shared/download.js';
import type { OfficialAccountInbound } from './oa-xml.js';
import {
  LINK_TEXT,
  LOCATION_TEXT,
  PHOTO_PLACEHOLDER,
  UNSUPPORTED_MESSAGE,
  VIDEO_PLACEHOLDER,
  VOICE_PLACEHOLDER,
} from '../texts.js';

/** What normalising needs from the rest of the adapter. */
export interface OfficialAccountInboundDeps {
  /** The fields the puppet kept for a message it emitted (Recognition, MediaId, PicUrl). */
  rawPayload(messageId: string): Promise<OfficialAccountInbound>;
  /** The puppet's media/get address for a MediaId (it carries the access token: never store it). */
  mediaUrl(mediaId: string): Promise<string>;
  /** Downloads files, bounded in size and time. */
  fetch: FetchLike;
  choices: ChoiceMemory;
  clock: Clock;
  locale: Locale;
  logger: AdapterLogger;
}

/** MsgTypes wechaty-puppet-official-account emits as Wechaty messages; its webhook answers the rest and drops them. */
export const PUPPET_MESSAGE_TYPES: ReadonlySet<string> = new Set(['text', 'image', 'voice']);

/** A new follower is greeted the way the core greets a Telegram /start. */
const SUBSCRIBE_COMMAND = '/start';

/** The conversation key of an official-account follower (always a private chat). */
export function officialAccountConversationKey(openId: string): string {
  return formatConversationKey({ channel: 'wechat', chatId: openId });
}

/**
 * WeChat's own id for a message. Events carry none, so WeChat's documented
 * dedupe key (sender + CreateTime) stands in; both are stable across redelivery.
 */
export function officialAccountMessageId(inbound: OfficialAccountInbound): string {
  return inbound.MsgId ? inbound.MsgId : `${inbound.FromUserName}:${inbound.CreateTime}`;
}

type UrlSource = () => Promise<string | undefined>;

/** Try each address in turn; keep what WeChat told us when none works, so the message is never dropped. */
async function download(
  deps: OfficialAccountInboundDeps,
  kind: Attachment['kind'],
  sources: UrlSource[],
  fallback: { url?: string; mediaId?: string },
): Promise<Attachment> {
  for (const source of sources) {
    try {
      const url = await source();
      if (!url) continue;
      const file = await downloadFile(deps.fetch, url);
      // media/get answers JSON only when it fails; success is the raw file.
      if (file.mimeType?.includes('json')) throw new Error(`WeChat media error: ${file.data.toString('utf8').slice(0, 200)}`);
      return { kind, data: file.data, mimeType: file.mimeType, url: fallback.url };
    } catch (err) {
      deps.logger.warn({ err, kind }, 'wechat media download failed');
    }
  }
  // A mediator can still fetch the file from these.
  return { kind, url: fallback.url, name: fallback.mediaId ? `wechat-media:${fallback.mediaId}` : undefined };
}

/** The address inside the FileBox the puppet made for a photo or voice message. */
async function fileBoxUrl(message: Message): Promise<string | undefined> {
  const box = await message.toFileBox();
  return (box.toJSON() as { url?: string }).url;
}

function build(
  deps: OfficialAccountInboundDeps,
  fields: { openId: string; messageId: string; text: string; attachments: Attachment[]; isText: boolean; senderName?: string; raw: unknown },
): IncomingMessage {
  const conversationKey = officialAccountConversationKey(fields.openId);
  // A typed number stands for the choice's label, as a pressed button would.
  const choice = fields.isText ? deps.choices.resolve(conversationKey, fields.text) : undefined;
  return {
    channel: 'wechat',
    conversationKey,
    userKey: conversationKey,
    messageId: fields.messageId,
    text: choice ? choice.label : fields.text,
    ...(choice ? { choiceId: choice.id } : {}),
    attachments: fields.attachments,
    isGroup: false,
    mentioned: false,
    ...(fields.senderName ? { senderName: fields.senderName } : {}),
    receivedAt: deps.clock.now(),
    raw: fields.raw,
  };
}

/** Normalise a message the puppet emitted through Wechaty; undefined for the account's own messages. */
export async function normaliseWechatyMessage(message: Message, deps: OfficialAccountInboundDeps): Promise<IncomingMessage | undefined> {
  if (message.self()) return undefined;
  const raw = await deps.rawPayload(message.id);
  const say = (text: Parameters<typeof tr>[1]) => tr(deps.locale, text);
  const media = { url: raw.PicUrl, mediaId: raw.MediaId };
  let text: string;
  let attachments: Attachment[] = [];
  switch (message.type()) {
    case types.Message.Text:
      text = message.text();
      break;
    case types.Message.Image: {
      const byMediaId: UrlSource = async () => (raw.MediaId ? deps.mediaUrl(raw.MediaId) : undefined);
      text = say(PHOTO_PLACEHOLDER);
      attachments = [await download(deps, 'image', [() => fileBoxUrl(message), byMediaId], media)];
      break;
    }
    case types.Message.Audio:
      text = raw.Recognition?.trim() || say(VOICE_PLACEHOLDER);
      attachments = [await download(deps, 'audio', [() => fileBoxUrl(message)], media)];
      break;
    default:
      text = tr(deps.locale, UNSUPPORTED_MESSAGE, { kind: types.Message[message.type()] ?? String(message.type()) });
  }
  return build(deps, {
    openId: message.talker().id,
    messageId: message.id,
    text,
    attachments,
    isText: message.type() === types.Message.Text,
    senderName: message.talker().name() || undefined,
    raw: message.payload,
  });
}

/** Normalise a kind the puppet drops, from WeChat's XML; undefined for events that are not for the core. */
export async function normaliseWebhookMessage(inbound: OfficialAccountInbound, deps: OfficialAccountInboundDeps): Promise<IncomingMessage | undefined> {
  const say = (text: Parameters<typeof tr>[1], vars?: Record<string, string>) => tr(deps.locale, text, vars);
  let text: string;
  let attachments: Attachment[] = [];
  switch (inbound.MsgType) {
    case 'event':
      if (inbound.Event !== 'subscribe') return undefined;
      text = SUBSCRIBE_COMMAND;
      break;
    case 'location':
      text = say(LOCATION_TEXT, { label: inbound.Label ?? '', lat: inbound.Location_X ?? '', lng: inbound.Location_Y ?? '' });
      break;
    case 'link':
      text = say(LINK_TEXT, { title: inbound.Title ?? '', url: inbound.Url ?? '' });
      break;
    case 'video':
    case 'shortvideo': {
      const mediaId = inbound.MediaId;
      text = say(VIDEO_PLACEHOLDER);
      attachments = [await download(deps, 'video', [async () => (mediaId ? deps.mediaUrl(mediaId) : undefined)], { mediaId })];
      break;
    }
    default:
      text = say(UNSUPPORTED_MESSAGE, { kind: inbound.MsgType });
  }
  return build(deps, {
    openId: inbound.FromUserName,
    messageId: officialAccountMessageId(inbound),
    text,
    attachments,
    isText: false,
    raw: inbound,
  });
}
