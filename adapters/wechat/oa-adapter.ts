/** The union's WeChat official account (公众号) as a ChannelAdapter. */
import type { BotHandler, HttpRoute, OutgoingMessage } from '../../src/core/types.js';
import { systemClock } from '../../src/core/types.js';
import { platformRefused } from '../../src/core/errors.js';
import { silentLogger } from '../shared/logger.js';
import { realSleep, withRetry } from '../shared/retry.js';
import { renderForWechat, WECHAT_CAPABILITIES } from './capabilities.js';
import { ChoiceMemory } from './choices.js';
import { wechatConversationParts } from './conversation.js';
import type { OfficialAccountConfig, WechatAdapterConfig } from './config.js';
import { toGongyouError } from './errors.js';
import { listenForRoutes, type RouteListener } from './node-listener.js';
import { OfficialAccountApi } from './oa-api.js';
import { normaliseOfficialAccountMessage } from './oa-inbound.js';
import { createOfficialAccountWebhook } from './oa-webhook.js';
import { CustomerServiceWindow } from './service-window.js';
import type { WechatAdapter } from './wechat-adapter.js';

/** Default webhook path on the shared server. */
export const DEFAULT_OFFICIAL_ACCOUNT_PATH = '/wechat/official-account';

function openIdOf(conversationKey: string): string {
  const parts = wechatConversationParts(conversationKey);
  if (parts.roomId !== undefined || parts.chatId === undefined) {
    throw platformRefused(`an official account has no group chats: ${conversationKey}`);
  }
  return parts.chatId;
}

/** Build the official-account adapter; `config` has passed validateWechatConfig. */
export function createOfficialAccountAdapter(config: WechatAdapterConfig & { officialAccount: OfficialAccountConfig }): WechatAdapter {
  const oa = config.officialAccount;
  const clock = config.clock ?? systemClock;
  const logger = config.logger ?? silentLogger;
  const locale = config.locale ?? 'zh-CN';
  const sleep = config.sleep ?? realSleep;
  const fetchFn = config.fetch ?? fetch;
  const api = new OfficialAccountApi({ appId: oa.appId, appSecret: oa.appSecret, fetch: fetchFn, clock });
  const window = new CustomerServiceWindow(config.serviceWindowHours ?? 48, clock);
  const choices = new ChoiceMemory();
  let bot: BotHandler | undefined;
  let listener: RouteListener | undefined;

  async function sendPieces(openId: string, pieces: string[]): Promise<void> {
    for (const piece of pieces) {
      await withRetry(() => api.sendText(openId, piece), {
        retries: 2,
        translate: (err) => toGongyouError(err, 'wechat customer-service send'),
        sleep,
      });
    }
  }

  function render(conversationKey: string, reply: OutgoingMessage): string[] {
    choices.remember(conversationKey, reply.choices);
    return renderForWechat(reply, locale);
  }

  const webhook = createOfficialAccountWebhook({
    token: oa.token,
    passiveReplyMs: config.passiveReplyMs ?? 4500,
    clock,
    locale,
    logger,
    window,
    bot: () => bot,
    normalise: (inbound) => normaliseOfficialAccountMessage(inbound, { api, fetch: fetchFn, choices, clock, locale, logger }),
    render,
    sendLater: sendPieces,
  });

  const path = config.webhookPath ?? DEFAULT_OFFICIAL_ACCOUNT_PATH;
  const routes: HttpRoute[] = [
    { method: 'GET', path, handle: (request) => webhook.handleGet(request) },
    { method: 'POST', path, handle: (request) => webhook.handlePost(request) },
  ];

  return {
    name: 'wechat',
    capabilities: WECHAT_CAPABILITIES,
    routes,
    async start(handler) {
      bot = handler;
      if (oa.port !== undefined && !listener) listener = await listenForRoutes(routes, oa.port, logger);
      logger.info({ path, port: listener?.port }, 'wechat official account webhook ready');
    },
    async stop() {
      await webhook.drain();
      bot = undefined;
      await listener?.close();
      listener = undefined;
    },
    async send(conversationKey, message) {
      const openId = openIdOf(conversationKey);
      if (!window.isOpen(openId)) {
        const closedAt = window.closesAt(openId);
        throw platformRefused(
          `WeChat 48-hour customer-service window is closed for ${conversationKey}` +
            (closedAt ? ` (closed at ${closedAt.toISOString()})` : ' (no message from this worker since start)') +
            '; keep the message for their next contact and tell the mediator',
        );
      }
      await sendPieces(openId, render(conversationKey, message));
    },
    canReach(conversationKey) {
      try {
        return window.isOpen(openIdOf(conversationKey));
      } catch {
        return false;
      }
    },
    listeningPort: () => listener?.port,
  };
}
