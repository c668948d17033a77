/** Turn one official-account XML message into the core's IncomingMessage, downloading photos and voice. */
import type { Attachment, Clock, IncomingMessage, Locale } from '../../src/core/types.js';
import { formatConversationKey } from '../../src/core/conversation-key.js';
import { tr } from '../../src/core/i18n.js';
import type { ChoiceMemory } from './choices.js';
import type { AdapterLogger } from '../shared/logger.js';
import { downloadFile, type FetchLike } from '../shared/download.js';
import type { DownloadedMedia, OfficialAccountApi } from './oa-api.js';
import type { OfficialAccountInbound } from './oa-xml.js';
import {
  LINK_TEXT,
  LOCATION_TEXT,
  PHOTO_PLACEHOLDER,
  UNSUPPORTED_MESSAGE,
  VIDEO_PLACEHOLDER,
  VOICE_PLACEHOLDER,
} from './texts.js';

/** What normalising needs from the rest of the adapter. */
export interface OfficialAccountInboundDeps {
  api: Pick<OfficialAccountApi, 'downloadMedia'>;
  /** Fetches the photo's PicUrl (a public CDN address, no token needed). */
  fetch: FetchLike;
  choices: ChoiceMemory;
  clock: Clock;
  locale: Locale;
  logger: AdapterLogger;
}

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

async function download(
  deps: OfficialAccountInboundDeps,
  kind: Attachment['kind'],
  inbound: OfficialAccountInbound,
): Promise<Attachment> {
  const tries: Array<() => Promise<DownloadedMedia>> = [];
  if (inbound.PicUrl) tries.push(() => downloadFile(deps.fetch, inbound.PicUrl!));
  if (inbound.MediaId) tries.push(() => deps.api.downloadMedia(inbound.MediaId!));
  for (const attempt of tries) {
    try {
      const media = await attempt();
      return { kind, data: media.data, mimeType: media.mimeType, url: inbound.PicUrl };
    } catch (err) {
      deps.logger.warn({ err, kind, msgId: inbound.MsgId }, 'wechat media download failed');
    }
  }
  // Keep what WeChat told us so a mediator can still fetch the file; the message itself is never dropped.
  return { kind, url: inbound.PicUrl, name: inbound.MediaId ? `wechat-media:${inbound.MediaId}` : undefined };
}

async function textAndAttachments(
  deps: OfficialAccountInboundDeps,
  inbound: OfficialAccountInbound,
): Promise<{ text: string; attachments: Attachment[] }> {
  const say = (text: Parameters<typeof tr>[1], vars?: Record<string, string>) => tr(deps.locale, text, vars);
  switch (inbound.MsgType) {
    case 'text':
      return { text: inbound.Content ?? '', attachments: [] };
    case 'image':
      return { text: say(PHOTO_PLACEHOLDER), attachments: [await download(deps, 'image', inbound)] };
    case 'voice':
      return {
        text: inbound.Recognition?.trim() || say(VOICE_PLACEHOLDER),
        attachments: [await download(deps, 'audio', inbound)],
      };
    case 'video':
    case 'shortvideo':
      return { text: say(VIDEO_PLACEHOLDER), attachments: [await download(deps, 'video', inbound)] };
    case 'location':
      return {
        text: say(LOCATION_TEXT, {
          label: inbound.Label ?? '',
          lat: inbound.Location_X ?? '',
          lng: inbound.Location_Y ?? '',
        }),
        attachments: [],
      };
    case 'link':
      return { text: say(LINK_TEXT, { title: inbound.Title ?? '', url: inbound.Url ?? '' }), attachments: [] };
    default:
      return { text: say(UNSUPPORTED_MESSAGE, { kind: inbound.MsgType }), attachments: [] };
  }
}

/**
 * Normalise a worker's message. Events (subscribe, menu clicks…) are not
 * messages from the worker and return undefined.
 */
export async function normaliseOfficialAccountMessage(
  inbound: OfficialAccountInbound,
  deps: OfficialAccountInboundDeps,
): Promise<IncomingMessage | undefined> {
  if (inbound.MsgType === 'event') return undefined;
  const conversationKey = officialAccountConversationKey(inbound.FromUserName);
  const { text, attachments } = await textAndAttachments(deps, inbound);
  // A typed number stands for the choice's label, as a pressed button would.
  const choice = inbound.MsgType === 'text' ? deps.choices.resolve(conversationKey, text) : undefined;
  return {
    channel: 'wechat',
    conversationKey,
    userKey: conversationKey,
    messageId: officialAccountMessageId(inbound),
    text: choice ? choice.label : text,
    ...(choice ? { choiceId: choice.id } : {}),
    attachments,
    isGroup: false,
    mentioned: false,
    receivedAt: deps.clock.now(),
    raw: inbound,
  };
}
