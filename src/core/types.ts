/**
 * Core contracts shared by every part of Gongyou. Adapters import only this
 * module (and errors.ts); nothing here knows any platform SDK.
 */

/** Languages the bot speaks to workers. zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

/** A file or photo a worker sent, already downloaded by the adapter. */
export interface Attachment {
  kind: 'image' | 'file' | 'audio' | 'video';
  /** Original file name when the platform gives one. */
  name?: string;
  mimeType?: string;
  /** File content; adapters download before handing the message to the core. */
  data?: Buffer;
  /** Where the platform keeps the file, when the content could not be fetched. */
  url?: string;
}

/** A worker's message after an adapter has normalised it. */
export interface IncomingMessage {
  /** Channel name: 'web', 'telegram', 'slack', 'wechat'. */
  channel: string;
  /**
   * Where replies go, a plain string such as `telegram:123` or
   * `wechat:room:abc:user:xyz`. See conversation-key.ts.
   */
  conversationKey: string;
  /** The sender's identity on this channel, e.g. `web:u1`, `telegram:42`. Cases belong to it. */
  userKey: string;
  /** Platform message id; a redelivery carries the same id and is processed once. */
  messageId: string;
  text: string;
  /** Set when the worker pressed a button (or typed the number of a choice). */
  choiceId?: string;
  attachments: Attachment[];
  /** True in a group chat; the core then keeps answers short and never shows case data. */
  isGroup: boolean;
  /** In a group: whether the bot was @mentioned. */
  mentioned: boolean;
  /** Display name the platform gives, never logged. */
  senderName?: string;
  /**
   * The sender's network address where the channel knows it (the web chat), for per-address abuse
   * limits (identity linking); never shown or logged.
   */
  source?: string;
  receivedAt: Date;
  /** Escape hatch for adapters; the core never reads it. */
  raw?: unknown;
}

/** A button or numbered option offered to the worker. */
export interface Choice {
  id: string;
  label: string;
}

/** A cited article of law. */
export interface Citation {
  law: string;
  article: number;
  /** `item` (第（十）项) or `section` (第三部分) for documents without 第X条; absent for articles. */
  unit?: 'item' | 'section';
}

/** Handoff marker on a reply: the case went to the mediator queue. */
export interface HandoffMeta {
  caseId: string;
  reason: string;
}

/** Machine-readable facts about a reply (the web API exposes them as is). */
export interface ReplyMeta {
  intent: string;
  caseId?: string;
  confidence?: number;
  citations?: Citation[];
  handoff?: HandoffMeta;
  /** A mediator's message relayed to the worker: the mediator's public name, for the chat page's label. */
  authorName?: string;
  /** A language switch (/lang): the language the bot now speaks, so the chat page switches with it. */
  locale?: Locale;
}

/** A message the bot (or a mediator, relayed) sends to a worker. */
export interface OutgoingMessage {
  id: string;
  text: string;
  choices?: Choice[];
  meta: ReplyMeta;
}

/** A reply before it has been given an id and persisted. */
export type ReplyDraft = Omit<OutgoingMessage, 'id'>;

/** What a channel can render; the core asks instead of guessing. */
export interface ChannelCapabilities {
  buttons: boolean;
  threads: boolean;
  edits: boolean;
  /** Longest text one message may carry. */
  maxTextLength: number;
  attachments: boolean;
}

/** The core as adapters see it. */
export interface BotHandler {
  /** Process one incoming message; resolves with the replies (already persisted to the outbox). */
  handle(message: IncomingMessage): Promise<OutgoingMessage[]>;
}

/** One platform's adapter: translates between the platform and the core. */
export interface ChannelAdapter {
  /** Routes to mount on the shared HTTP server (webhooks). */
  readonly routes?: HttpRoute[];
  readonly name: string;
  readonly capabilities: ChannelCapabilities;
  /** Begin receiving; incoming messages go to `bot.handle`. */
  start(bot: BotHandler): Promise<void>;
  /** Stop receiving; in-flight sends finish. */
  stop(): Promise<void>;
  /** Deliver a message that was not a direct reply (e.g. a mediator's) to a conversation. */
  send(conversationKey: string, message: OutgoingMessage): Promise<void>;
  /**
   * These conversations' data was erased or expired: drop what the adapter keeps for them, so each
   * starts afresh (the web chat revokes the credential). Keys of other channels are ignored.
   */
  forget?(conversationKeys: string[]): Promise<void>;
}

/** Injected clock so tests need no sleeps or monkey-patching. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Grievance categories from the domain brief. */
export const CATEGORIES = [
  'wages',
  'injury',
  'deductions',
  'termination',
  'social_insurance',
  'conditions',
  'platform_rules',
  'suggestion',
  'other',
] as const;

/** A grievance category. */
export type Category = (typeof CATEGORIES)[number];

/** Service tiers: on the spot, same day, three days (小事当场回应、急事当天协调、难事三日反馈). */
export type ServiceTier = 'on_the_spot' | 'same_day' | 'three_days';

/** An HTTP route an adapter mounts on the shared server (fetch-style, framework-free). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  /** `info` carries what the Request itself cannot: the peer address of the connection (absent in-process). */
  handle(request: Request, info?: HttpRequestInfo): Promise<Response>;
}

/** Facts about a request that are not in the fetch Request. */
export interface HttpRequestInfo {
  /** The socket's peer address (the proxy's when behind one); undefined for in-process requests. */
  remoteAddress?: string;
}
