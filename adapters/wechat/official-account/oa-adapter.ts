/**
 * The union's WeChat official account (公众号) as a ChannelAdapter, running on a
 * real Wechaty with wechaty-puppet-official-account. Our front route checks
 * WeChat's signature, dedupes and times the passive reply; the puppet parses the
 * XML, emits messages through Wechaty and sends through the customer-service API.
 */
import path from 'node:path';
import { WechatyBuilder, type Wechaty } from 'wechaty';
import type { BotHandler, HttpRoute, OutgoingMessage } from '../../../src/core/types.js';
import { systemClock } from '../../../src/core/types.js';
import { networkFailed, platformRefused } from '../../../src/core/errors.js';
import { silentLogger } from '../../shared/logger.js';
import { realSleep, withRetry } from '../../shared/retry.js';
import { renderForWechat, WECHAT_CAPABILITIES } from '../capabilities.js';
import { ChoiceMemory } from '../choices.js';
import { wechatConversationParts } from '../conversation.js';
import type { OfficialAccountConfig, WechatAdapterConfig } from '../config.js';
import { toGongyouError } from '../errors.js';
import { listenForRoutes, type RouteListener } from './node-listener.js';
import {
  normaliseWebhookMessage,
  normaliseWechatyMessage,
  PUPPET_MESSAGE_TYPES,
  type OfficialAccountInboundDeps,
} from './oa-inbound.js';
import { OfficialAccountPuppet } from './oa-puppet.js';
import { PuppetRelay } from './oa-relay.js';
import { createOfficialAccountWebhook } from './oa-webhook.js';
import type { OfficialAccountInbound } from './oa-xml.js';
import { CustomerServiceWindow } from './service-window.js';
import type { WechatAdapter } from '../wechat-adapter.js';
import { startWechatyWithin } from '../wechaty-start.js';

/** Default webhook path on the shared server. */
export const DEFAULT_OFFICIAL_ACCOUNT_PATH = '/wechat/official-account';

/** Default longest wait for one call to api.weixin.qq.com. */
const DEFAULT_API_TIMEOUT_MS = 10_000;
/** Starting means one token request to WeChat; give up well before an orchestrator would. */
const START_TIMEOUT_MS = 30_000;

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
  const apiTimeoutMs = config.apiTimeoutMs ?? DEFAULT_API_TIMEOUT_MS;
  const window = new CustomerServiceWindow(config.serviceWindowHours ?? 48, clock);
  const choices = new ChoiceMemory();
  let bot: BotHandler | undefined;
  let wechaty: Wechaty | undefined;
  let puppet: OfficialAccountPuppet | undefined;
  let listener: RouteListener | undefined;
  // The puppet's own work on a message includes one user/info call for a worker it has not seen yet.
  const relay = new PuppetRelay({ port: () => puppet?.webhookPort(), timeoutMs: apiTimeoutMs + 5000 });

  function running(): OfficialAccountPuppet {
    if (!puppet) throw networkFailed('the WeChat official account is not started');
    return puppet;
  }

  const inboundDeps: OfficialAccountInboundDeps = {
    rawPayload: async (messageId) => (await running().messageRawPayload(messageId)) as OfficialAccountInbound,
    mediaUrl: (mediaId) => running().mediaUrl(mediaId),
    fetch: config.fetch ?? fetch,
    choices,
    clock,
    locale,
    logger,
  };

  async function sendPieces(openId: string, pieces: string[]): Promise<void> {
    for (const piece of pieces) {
      await withRetry(() => running().sendText(openId, piece), {
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
    ready: () => bot !== undefined && puppet !== undefined,
    async handle(inbound, signed) {
      const handler = bot;
      if (!handler) throw networkFailed('the WeChat official account stopped');
      // The puppet parses what it knows; its webhook would drop the other kinds (and hang on most events).
      const message =
        inbound.MsgId && PUPPET_MESSAGE_TYPES.has(inbound.MsgType)
          ? await normaliseWechatyMessage(await relay.relay(inbound.MsgId, signed.body, signed.search), inboundDeps)
          : await normaliseWebhookMessage(inbound, inboundDeps);
      if (!message) return undefined;
      return { conversationKey: message.conversationKey, replies: await handler.handle(message) };
    },
    render,
    sendLater: sendPieces,
  });

  const routePath = config.webhookPath ?? DEFAULT_OFFICIAL_ACCOUNT_PATH;
  const routes: HttpRoute[] = [
    { method: 'GET', path: routePath, handle: (request) => webhook.handleGet(request) },
    { method: 'POST', path: routePath, handle: (request) => webhook.handlePost(request) },
  ];

  return {
    name: 'wechat',
    capabilities: WECHAT_CAPABILITIES,
    routes,
    async start(handler) {
      const started = new OfficialAccountPuppet({
        appId: oa.appId,
        appSecret: oa.appSecret,
        token: oa.token,
        stateDir: config.dataDir ? path.join(config.dataDir, 'wechat-official-account') : undefined,
        apiTimeoutMs,
      });
      const active = WechatyBuilder.build({ puppet: started });
      active.on('message', (message) => {
        if (!relay.arrive(message)) logger.warn({ messageId: message.id }, 'wechat: a message reached the puppet without our signature check; ignored');
      });
      // e.g. a user/info call that failed: the message still arrives, without the worker's profile.
      active.on('error', (err) => logger.warn({ err }, 'wechaty (official account) error'));
      await startWechatyWithin(active, START_TIMEOUT_MS, 'wechat official account start', 'is api.weixin.qq.com reachable?', () => started.assertStarted());
      await started.ensureAccessToken().catch((err: unknown) =>
        logger.error(
          { err: toGongyouError(err, 'wechat access token') },
          "WeChat gave no access token: replies slower than the passive reply will fail until it does (is this server's IP on the whitelist?)",
        ),
      );
      wechaty = active;
      puppet = started;
      bot = handler;
      if (oa.port !== undefined && !listener) listener = await listenForRoutes(routes, oa.port, logger);
      logger.info({ path: routePath, port: listener?.port, puppetPort: started.webhookPort() }, 'wechat official account ready');
    },
    async stop() {
      await webhook.drain();
      bot = undefined;
      relay.close();
      await listener?.close();
      listener = undefined;
      await wechaty?.stop();
      wechaty = undefined;
      puppet = undefined;
    },
    async send(conversationKey, message) {
      const openId = openIdOf(conversationKey);
      // Refused here only when we know the window closed; unknown (e.g. after a restart) is WeChat's call (45015).
      if (window.isKnownClosed(openId)) {
        throw platformRefused(
          `WeChat 48-hour customer-service window is closed for ${conversationKey} (closed at ${window.closesAt(openId)?.toISOString()})` +
            '; keep the message for their next contact and tell the mediator',
        );
      }
      await sendPieces(openId, render(conversationKey, message));
    },
    canReach(conversationKey) {
      try {
        return !window.isKnownClosed(openIdOf(conversationKey));
      } catch {
        return false;
      }
    },
    listeningPort: () => listener?.port,
  };
}
