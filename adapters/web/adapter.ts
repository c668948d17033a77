/**
 * The web chat as a channel adapter: the page, its JSON API, its event stream, input validation,
 * rate limit and uploads. It is the one channel every install has, and it needs no platform: the
 * "platform" is the worker's browser, which posts messages and listens for later ones.
 */
import { Hono } from 'hono';
import { limitBody, SMALL_BODY_BYTES } from '../../src/core/http/body-limit.js';
import { HTTP_ERROR_TEXT, sendHttpError } from '../../src/core/http/errors.js';
import { parseConversationKey } from '../../src/core/conversation-key.js';
import { OutboxBus } from '../../src/core/outbox-bus.js';
import { MemoryRateCounter } from '../../src/core/rate-counter.js';
import type { BotHandler, ChannelAdapter, ChannelCapabilities, HttpRoute, OutgoingMessage } from '../../src/core/types.js';
import { mountChatApi } from './chat-api.js';
import { mountChatEvents, type OpenStreams } from './chat-events.js';
import { mountChatPage } from './chat-page.js';
import { WebAccess, type WebRequestEnv } from './access.js';
import {
  DEFAULT_ADDRESS_RATE_LIMIT_PER_MINUTE,
  DEFAULT_MAX_UPLOAD_BYTES,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEFAULT_SSE_HEARTBEAT_MS,
  type WebAdapterConfig,
  type WebChatSettings,
} from './config.js';

/** What the page renders: buttons, files, no threads or edits. */
export const WEB_CAPABILITIES: ChannelCapabilities = {
  buttons: true,
  threads: false,
  edits: false,
  // the page renders a reply of any length (the 2,000-character limit is on what a worker sends)
  maxTextLength: Number.POSITIVE_INFINITY,
  attachments: true,
};

/** The web chat adapter. */
export interface WebAdapter extends ChannelAdapter {
  readonly name: 'web';
  readonly routes: HttpRoute[];
}

/**
 * Build the web chat adapter. Its routes are served by a private Hono app; each HttpRoute hands the
 * raw Request to that app's `fetch`. That keeps HttpRoute the framework-free, fetch-style contract
 * the other adapters' webhooks already use (the server mounts every adapter the same way, and core
 * needs no notion of sub-apps), at the cost of listing one route per method and path.
 */
export function createWebAdapter(config: WebAdapterConfig): WebAdapter {
  const settings: WebChatSettings = {
    messages: config.messages,
    state: config.state,
    lock: config.lock,
    outbox: config.outbox ?? new OutboxBus(),
    logger: config.logger,
    newId: config.newId,
    clock: config.clock,
    maxUploadBytes: config.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    rateLimitPerMinute: config.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    sseHeartbeatMs: config.sseHeartbeatMs ?? DEFAULT_SSE_HEARTBEAT_MS,
    addressRateLimitPerMinute: config.addressRateLimitPerMinute ?? DEFAULT_ADDRESS_RATE_LIMIT_PER_MINUTE,
    trustProxy: config.trustProxy ?? false,
    rates: config.rates ?? new MemoryRateCounter(),
  };
  const access = new WebAccess(settings);
  let bot: BotHandler | undefined;
  const streams: OpenStreams = new Set();

  const app = new Hono();
  // the POST routes set their own limits; the GET routes (page, history, events) read no body
  const smallBody = limitBody(SMALL_BODY_BYTES);
  app.use('*', (c, next) => (c.req.method === 'GET' ? smallBody(c, next) : next()));
  mountChatApi(app, settings, access, () => bot);
  mountChatEvents(app, settings, access, streams);
  mountChatPage(app);
  app.onError((err, c) => {
    settings.logger.error({ err, method: c.req.method, path: c.req.path }, 'http request failed');
    return sendHttpError(c, 500, 'internal_error', HTTP_ERROR_TEXT.internal);
  });

  return {
    name: 'web',
    capabilities: WEB_CAPABILITIES,
    routes: routesOf(app),
    async start(handler: BotHandler): Promise<void> {
      bot = handler;
    },
    async stop(): Promise<void> {
      bot = undefined;
      // an open page reconnects and replays from its last event once the chat is back
      for (const end of [...streams]) end();
    },
    async send(conversationKey: string, message: OutgoingMessage): Promise<void> {
      // a page that is not open fetches the message from the log when it opens (GET /api/web/messages)
      settings.outbox.publish(conversationKey, message);
    },
    async forget(conversationKeys: string[]): Promise<void> {
      // the old cookie opens nothing now; the userId's next first request claims it afresh
      for (const key of conversationKeys) {
        const userId = webUserIdOf(key);
        if (userId !== undefined) await access.forget(userId);
      }
    },
  };
}

/** The userId of a web chat conversation key; undefined for any other key. */
function webUserIdOf(conversationKey: string): string | undefined {
  try {
    const parts = parseConversationKey(conversationKey);
    return parts.channel === 'web' ? parts.chatId : undefined;
  } catch {
    return undefined;
  }
}

/** One HttpRoute per method and path of the private app, each answered by the app as a whole. */
function routesOf(app: Hono): HttpRoute[] {
  const seen = new Set<string>();
  const routes: HttpRoute[] = [];
  for (const { method, path } of app.routes) {
    if ((method !== 'GET' && method !== 'POST') || seen.has(`${method} ${path}`)) continue;
    seen.add(`${method} ${path}`);
    routes.push({ method, path, handle: async (request, info) => app.fetch(request, { remoteAddress: info?.remoteAddress } satisfies WebRequestEnv) });
  }
  return routes;
}
