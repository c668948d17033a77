/** WeChat private and group chats through a Wechaty puppet chosen by configuration. */
import { WechatyBuilder, type Message, type Wechaty } from 'wechaty';
import type { BotHandler, OutgoingMessage } from '../../../src/core/types.js';
import { systemClock } from '../../../src/core/types.js';
import { platformRefused } from '../../../src/core/errors.js';
import { KeyedQueue } from '../../../src/core/keyed-queue.js';
import { deliverToCore } from '../../shared/delivery.js';
import { silentLogger } from '../../shared/logger.js';
import { realSleep, withRetry } from '../../shared/retry.js';
import { renderForWechat, WECHAT_CAPABILITIES } from '../capabilities.js';
import { ChoiceMemory } from '../choices.js';
import { wechatConversationParts } from '../conversation.js';
import type { WechatAdapterConfig } from '../config.js';
import { toGongyouError } from '../errors.js';
import { normalisePuppetMessage, puppetConversationKey } from './puppet-inbound.js';
import type { WechatAdapter } from '../wechat-adapter.js';
import { startWechatyWithin } from '../wechaty-start.js';

type WechatyBuildOptions = Parameters<typeof WechatyBuilder.build>[0];

/** A puppet service that cannot be reached keeps retrying forever; give up so the rest of Gongyou still starts. */
const PUPPET_START_TIMEOUT_MS = 60_000;

function buildWechaty(config: WechatAdapterConfig): Wechaty {
  if (config.puppetInstance) {
    return WechatyBuilder.build({ puppet: config.puppetInstance });
  }
  // Wechaty types only its own puppet names; any installed puppet module works at run time.
  return WechatyBuilder.build({
    puppet: config.puppet,
    puppetOptions: config.puppetToken ? { token: config.puppetToken } : {},
  } as WechatyBuildOptions);
}

/** Build the puppet adapter; `config` has passed validateWechatConfig. */
export function createPuppetAdapter(config: WechatAdapterConfig): WechatAdapter {
  const clock = config.clock ?? systemClock;
  const logger = config.logger ?? silentLogger;
  const locale = config.locale ?? 'zh-CN';
  const sleep = config.sleep ?? realSleep;
  const choices = new ChoiceMemory();
  const queue = new KeyedQueue();
  let wechaty: Wechaty | undefined;
  let bot: BotHandler | undefined;

  async function sayOnce(active: Wechaty, conversationKey: string, piece: string): Promise<void> {
    const parts = wechatConversationParts(conversationKey);
    if (parts.roomId !== undefined) {
      const room = await active.Room.find({ id: parts.roomId });
      if (!room) throw platformRefused(`WeChat room not found: ${conversationKey}`);
      const member = parts.userId ? await active.Contact.find({ id: parts.userId }) : undefined;
      // @ the worker so they see which answer in a busy group is theirs.
      await (member ? room.say(piece, member) : room.say(piece));
      return;
    }
    const contact = await active.Contact.find({ id: parts.chatId! });
    if (!contact) throw platformRefused(`WeChat contact not found: ${conversationKey}`);
    await contact.say(piece);
  }

  async function deliver(conversationKey: string, reply: OutgoingMessage): Promise<void> {
    wechatConversationParts(conversationKey);
    const active = wechaty;
    if (!active?.isLoggedIn) throw platformRefused(`WeChat puppet is not logged in; cannot reach ${conversationKey}`);
    choices.remember(conversationKey, reply.choices);
    for (const piece of renderForWechat(reply, locale)) {
      await withRetry(() => sayOnce(active, conversationKey, piece), {
        retries: 2,
        translate: (err) => toGongyouError(err, 'wechat puppet send'),
        sleep,
      });
    }
  }

  async function onMessage(message: Message): Promise<void> {
    const handler = bot;
    if (!handler) return;
    try {
      const incoming = await normalisePuppetMessage(message, { choices, locale, logger, now: () => clock.now() });
      if (!incoming) return;
      await deliverToCore(incoming, {
        bot: handler,
        logger,
        sendReply: (reply) => deliver(incoming.conversationKey, reply),
      });
    } catch (err) {
      // Only normalising can land here (deliverToCore never throws); log without the worker's text.
      logger.error({ err, messageId: message.id }, 'wechat: could not read a message');
    }
  }

  return {
    name: 'wechat',
    capabilities: WECHAT_CAPABILITIES,
    async start(handler) {
      bot = handler;
      const active = buildWechaty(config);
      wechaty = active;
      active.on('message', (message) => {
        // One conversation's messages are handled in order; different conversations run side by side.
        const key = puppetConversationKey(message.talker().id, message.room()?.id);
        void queue.run(key, () => onMessage(message));
      });
      active.on('error', (err) => logger.error({ err }, 'wechaty error'));
      try {
        await startWechatyWithin(active, PUPPET_START_TIMEOUT_MS, 'wechat puppet start', 'check WECHATY_PUPPET_SERVICE_TOKEN and the network');
      } catch (err) {
        wechaty = undefined;
        throw err;
      }
      logger.info({ puppet: config.puppet ?? 'injected' }, 'wechat puppet started');
    },
    async stop() {
      bot = undefined;
      await queue.onIdle();
      await wechaty?.stop();
      wechaty = undefined;
    },
    async send(conversationKey, message) {
      await deliver(conversationKey, message);
    },
    canReach: () => wechaty?.isLoggedIn ?? false,
    listeningPort: () => undefined,
  };
}
